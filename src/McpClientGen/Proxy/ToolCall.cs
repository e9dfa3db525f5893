using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpClientGen;

/// <summary>
/// One <c>tools/call</c> on a session, sent with a request id of its own so that cancelling it can name it: the SDK
/// 2.4 aborts the HTTP request when the token fires, but over Streamable HTTP it announces nothing, because it
/// registers its own <c>notifications/cancelled</c> only once the POST has been fully read. This sends that
/// notification, as the protocol asks a client to, and the server stops the tool. With a progress receiver the call
/// also carries a progress token, whose notifications <see cref="ProgressNotificationTap"/> reports.
/// </summary>
internal static class ToolCall
{
    public static async ValueTask<CallToolResult> SendAsync(
        McpClient session, CallToolRequestParams request, IProgress<ProgressNotificationValue>? progress, ILogger logger, CancellationToken cancellationToken)
    {
        // A call cancelled before it was sent is not announced: the server never heard of its id.
        cancellationToken.ThrowIfCancellationRequested();

        // Unique among this client's requests: the SDK numbers its own, and these are strings.
        var requestId = new RequestId("mcpgen-" + Guid.NewGuid().ToString("N"));
        var callersMeta = request.Meta;
        using var progressRelay = progress is null ? null : RelayProgress(request, progress, logger);
        try
        {
            using var announcement = cancellationToken.Register(
                static state =>
                {
                    var (session, requestId, logger) = ((McpClient, RequestId, ILogger))state!;
                    _ = AnnounceCancellationAsync(session, requestId, logger);
                },
                (session, requestId, logger));
            return await session.SendRequestAsync<CallToolRequestParams, CallToolResult>(
                    RequestMethods.ToolsCall, request, McpJsonUtilities.DefaultOptions, requestId, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            // The request is the caller's: it is sent with this call's progress token and left as it came.
            request.Meta = callersMeta;
        }
    }

    /// <summary>
    /// Registers the receiver under a fresh progress token and puts that token in a copy of the request's <c>_meta</c>;
    /// the notifications reach the receiver through <see cref="ProgressNotificationTap"/>, in the server's order and
    /// before the result.
    /// </summary>
    private static ProgressListeners.Registration RelayProgress(CallToolRequestParams request, IProgress<ProgressNotificationValue> progress, ILogger logger)
    {
        var meta = request.Meta?.DeepClone().AsObject() ?? [];
        var registration = ProgressListeners.Register(progress, logger);
        meta["progressToken"] = registration.Token;
        request.Meta = meta;
        return registration;
    }

    private static async Task AnnounceCancellationAsync(McpClient session, RequestId requestId, ILogger logger)
    {
        try
        {
            await session.SendNotificationAsync(
                NotificationMethods.CancelledNotification,
                new CancelledNotificationParams { RequestId = requestId, Reason = "The client cancelled the call." },
                McpJsonUtilities.DefaultOptions,
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Nobody awaits this: the call has already ended as cancelled, and a server that cannot be told
            // still sees the aborted request.
            ConnectionLog.CancellationNotSent(logger, exception.GetType().Name);
        }
    }
}
