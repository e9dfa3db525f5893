using Microsoft.Extensions.Logging;

namespace McpClientGen;

/// <summary>
/// The log lines of <see cref="McpConnection"/> (category <c>McpClientGen.McpConnection</c>). They name tools and
/// say why a schema was not used; schemas come from snapshots, and no credential reaches these messages.
/// </summary>
internal static partial class ConnectionLog
{
    [LoggerMessage(1, LogLevel.Warning, "The snapshot's schema of tool '{ToolName}' was rejected by the MCP SDK, so its Mcp-Param-* headers will not be sent: {Reason}", EventName = "SnapshotToolRejected")]
    public static partial void SnapshotToolRejected(ILogger logger, string toolName, string reason);

    [LoggerMessage(2, LogLevel.Warning, "The snapshot's schema of tool '{ToolName}' cannot be used, so the tool is known without it and its Mcp-Param-* headers will not be sent: {Reason}", EventName = "SnapshotSchemaUnusable")]
    public static partial void SnapshotSchemaUnusable(ILogger logger, string toolName, string reason);

    [LoggerMessage(3, LogLevel.Debug, "A cancelled tool call could not be announced to the server with notifications/cancelled ({ExceptionType}); the aborted HTTP request still tells it", EventName = "CancellationNotSent")]
    public static partial void CancellationNotSent(ILogger logger, string exceptionType);

    [LoggerMessage(4, LogLevel.Warning, "A progress receiver threw {ExceptionType}; it gets no further reports for this call, and the call goes on", EventName = "ProgressReceiverFailed")]
    public static partial void ProgressReceiverFailed(ILogger logger, string exceptionType);

    // The type only: the message of an exception from the application's handler (or its chat client) may carry a secret.
    [LoggerMessage(5, LogLevel.Warning, "The application's {InputKind} handler threw {ExceptionType}; on a 2026-07-28 session the call fails with it, on an older one the server is told only that an error occurred", EventName = "InputHandlerFailed")]
    public static partial void InputHandlerFailed(ILogger logger, McpInputKind inputKind, string exceptionType);
}
