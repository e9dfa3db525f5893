using System.Text.Json;
using System.Threading.Channels;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpClientGen;

/// <summary>
/// Reports each <c>notifications/progress</c> a session transport receives to <see cref="ProgressListeners"/> as the SDK
/// reads it, before the messages after it: what <see cref="ProgressNotificationTap"/> does for Streamable HTTP, for a
/// transport without HTTP responses to tap (stdio). The SDK's own notification handlers run on the thread pool, out of
/// order, and may run after the call has returned.
/// </summary>
internal sealed class ProgressReadingTransport(IClientTransport inner) : IClientTransport
{
    public string Name => inner.Name;

    public async Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default) =>
        new Session(await inner.ConnectAsync(cancellationToken).ConfigureAwait(false));

    private sealed class Session(ITransport transport) : ITransport
    {
        public string? SessionId => transport.SessionId;

        public ChannelReader<JsonRpcMessage> MessageReader { get; } = new ReportingReader(transport.MessageReader);

        public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default) =>
            transport.SendMessageAsync(message, cancellationToken);

        public ValueTask DisposeAsync() => transport.DisposeAsync();
    }

    private sealed class ReportingReader(ChannelReader<JsonRpcMessage> messages) : ChannelReader<JsonRpcMessage>
    {
        public override Task Completion => messages.Completion;

        public override bool TryRead(out JsonRpcMessage item)
        {
            if (!messages.TryRead(out item!))
            {
                return false;
            }

            Report(item);
            return true;
        }

        public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) => messages.WaitToReadAsync(cancellationToken);

        private static void Report(JsonRpcMessage message)
        {
            if (ProgressListeners.HasReceivers
                && message is JsonRpcNotification { Method: NotificationMethods.ProgressNotification, Params: { } parameters })
            {
                using var document = JsonDocument.Parse(parameters.ToJsonString());
                ProgressNotificationReader.Report(document.RootElement);
            }
        }
    }
}
