using System.Threading.Channels;
using ModelContextProtocol.Protocol;

namespace McpClientGen;

/// <summary>
/// The transport one tool call's requests are sent over (<see cref="JsonRpcMessageContext.RelatedTransport"/>): it
/// passes each to the session's transport and remembers the JSON-RPC id of the latest. The SDK retries a call whose
/// server asked for input (MRTR) as a new request with an id of its own but the same context, so this is how the call
/// knows which attempt its <c>notifications/cancelled</c> must name.
/// </summary>
/// <param name="session">The session's own transport, which does the sending and owns the connection.</param>
/// <param name="first">The id of the call's first request.</param>
internal sealed class ToolCallAttempts(ITransport session, RequestId first) : ITransport
{
    // Boxed, so that reading it while a retry is sent is atomic.
    private object _current = first;

    /// <summary>The id of the attempt sent last.</summary>
    public RequestId Current => (RequestId)Volatile.Read(ref _current);

    public string? SessionId => session.SessionId;

    /// <summary>The session's messages; the SDK reads them from the session's transport, never from here.</summary>
    public ChannelReader<JsonRpcMessage> MessageReader => session.MessageReader;

    public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        if (message is JsonRpcRequest request)
        {
            Volatile.Write(ref _current, request.Id);
        }

        return session.SendMessageAsync(message, cancellationToken);
    }

    /// <summary>Nothing to release: the session owns its transport.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
