using Microsoft.Extensions.Logging;

namespace McpClientGen;

/// <summary>
/// What a stdio MCP server writes to its standard error, one log entry per line, in the category <see cref="Category"/>
/// (so it can be filtered or raised on its own). The command is named; its arguments and environment are not.
/// </summary>
internal static partial class StdioServerLog
{
    public const string Category = "McpClientGen.StdioServer";

    // Event ids continue McpConnection's (1–5 in ConnectionLog): both are the connection's own events.
    [LoggerMessage(6, LogLevel.Information, "{Command}: {Line}", EventName = "ServerStandardError")]
    public static partial void StandardError(ILogger logger, string command, string line);
}
