using McpClientGen.Snapshots;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Cli.Snapshots;

/// <summary>A server's tools with where they came from: what a snapshot holds.</summary>
/// <param name="Server">The server's name and version, if known.</param>
/// <param name="ProtocolVersion">The MCP protocol version of the session, if known.</param>
/// <param name="Tools">The tools, in any order.</param>
internal sealed record ToolListing(Implementation? Server, string? ProtocolVersion, IReadOnlyList<Tool> Tools)
{
    /// <summary>"demo 1.0.0", or a placeholder when the server did not say.</summary>
    public string ServerLabel => Server is null ? "(unnamed server)" : $"{Server.Name} {Server.Version}";

    /// <summary>The snapshot document, written by the one <see cref="SnapshotWriter"/> that every snapshot comes from.</summary>
    public string ToSnapshot() => SnapshotWriter.Write(Server, ProtocolVersion, Tools);
}
