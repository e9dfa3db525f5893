using McpClientGen.Snapshots;

namespace McpClientGen.Cli.Snapshots;

/// <summary>How the CLI names a snapshot's server in its messages.</summary>
internal static class ServerLabel
{
    /// <summary>"demo 1.0.0", or a placeholder when the server did not say.</summary>
    public static string Of(ToolSnapshot snapshot) => snapshot.Server is null ? "(unnamed server)" : $"{snapshot.Server.Name} {snapshot.Server.Version}";
}
