using System.Text.Json;
using System.Text.Json.Nodes;
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
/// also carries a progress token, whose notifications <see cref="ProgressNotificationTap"/> reports. A server that asks
/// for input mid-call (MRTR) is answered by the SDK inside this request, with the connection's handlers
/// (<see cref="InputHandlers"/>), and retried under a new id: the progress token goes along, and the request's transport
/// (<see cref="ToolCallAttempts"/>) tells the cancellation which attempt to name.
/// </summary>
internal static class ToolCall
{
    /// <summary>
    /// Sends <paramref name="parameters"/> as a <c>tools/call</c> (the call owns them: a progress token may be added) and
    /// returns what <paramref name="read"/> makes of the result.
    /// </summary>
    public static async ValueTask<T> SendAsync<T>(
        McpClient session,
        ITransport transport,
        string toolName,
        JsonObject parameters,
        Func<JsonNode, T> read,
        IProgress<ProgressNotificationValue>? progress,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        // A call cancelled before it was sent is not announced: the server never heard of its id.
        cancellationToken.ThrowIfCancellationRequested();

        var request = new JsonRpcRequest { Method = RequestMethods.ToolsCall, Params = parameters };
        using var announcement = cancellationToken.CanBeCanceled ? AnnounceCancellation(session, transport, request, logger, cancellationToken) : default;
        using var refusals = InputRefusals.Begin();
        using var progressRelay = progress is null ? null : RelayProgress(parameters, progress, logger);
        try
        {
            var response = await session.SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
            return read(response.Result ?? throw new JsonException("The tools/call result is null."));
        }
        catch (McpInputRequiredException refused) when (refused.ToolName is null)
        {
            // The SDK resolves an input_required result inside this request; the connection's refusing handlers do not
            // know which call they refuse for, and the SDK passes on only the first refusal of a round.
            throw refusals.ForTool(toolName, refused);
        }
        catch (Exception unanswerable) when (IsUnanswerableInputRequest(unanswerable))
        {
            // The server's fault in this call, not the session's: it stays open for the next.
            throw McpInputRequiredException.Unanswerable(toolName, unanswerable);
        }
    }

    /// <summary>
    /// Gives the request an id of its own and sends <c>notifications/cancelled</c> naming the attempt in flight when
    /// <paramref name="cancellationToken"/> fires. A call that cannot be cancelled skips all of it and keeps the SDK's id.
    /// </summary>
    private static CancellationTokenRegistration AnnounceCancellation(
        McpClient session, ITransport transport, JsonRpcRequest request, ILogger logger, CancellationToken cancellationToken)
    {
        // Unique among this client's requests: the SDK numbers its own, and these are strings.
        request.Id = new RequestId("mcpgen-" + Guid.NewGuid().ToString("N"));
        // A server that asks for input gets the SDK's retry, under a new id; the cancellation names the attempt in flight.
        var attempts = new ToolCallAttempts(transport, request.Id);
        request.Context = new JsonRpcMessageContext { RelatedTransport = attempts };
        return cancellationToken.Register(
            static state =>
            {
                var (session, attempts, logger) = ((McpClient, ToolCallAttempts, ILogger))state!;
                _ = AnnounceCancellationAsync(session, attempts.Current, logger);
            },
            (session, attempts, logger));
    }

    /// <summary>
    /// Whether the SDK 2.4 failed to resolve the server's input request itself: it throws a
    /// <see cref="NotSupportedException"/> for an input kind it does not know (the only one that leaves a request, whose
    /// messages it reads elsewhere), and a plain <see cref="McpException"/> naming the <c>InputRequiredResult</c> for a
    /// round with neither requests nor state, or for one round too many.
    /// </summary>
    private static bool IsUnanswerableInputRequest(Exception exception) =>
        exception is NotSupportedException
        || (exception.GetType() == typeof(McpException) && exception.Message.Contains("InputRequiredResult", StringComparison.Ordinal));

    /// <summary>
    /// Registers the receiver under a fresh progress token and puts that token in the request's <c>_meta</c>; the
    /// notifications reach the receiver through <see cref="ProgressNotificationTap"/>, in the server's order and before
    /// the result.
    /// </summary>
    private static ProgressListeners.Registration RelayProgress(JsonObject parameters, IProgress<ProgressNotificationValue> progress, ILogger logger)
    {
        if (parameters["_meta"] is not JsonObject meta)
        {
            meta = [];
            parameters["_meta"] = meta;
        }

        var registration = ProgressListeners.Register(progress, logger);
        meta["progressToken"] = registration.Token;
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
