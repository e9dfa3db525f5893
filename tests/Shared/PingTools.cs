using System.ComponentModel;
using ModelContextProtocol.Server;

namespace McpClientGen.Testing;

/// <summary>One tool, <c>ping</c>, for tests that need a server with something to call and nothing more.</summary>
[McpServerToolType]
internal sealed class PingTools
{
    /// <summary>Answers <c>pong</c>.</summary>
    [McpServerTool(Name = "ping", Title = "Ping"), Description("Answers pong.")]
    public static string Ping() => "pong";
}
