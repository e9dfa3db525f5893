using McpClientGen.Snapshots;

namespace McpClientGen.ConformanceClient;

/// <summary>
/// Writes the <c>tools/list</c> of the scenario's server as a snapshot when <c>MCPGEN_CAPTURE_SNAPSHOT</c> names a
/// file. This is how <c>schemas/conformance-*.mcp.json</c> are made: by code, from the suite's own servers.
/// </summary>
internal static class SnapshotCapture
{
    public static async Task WriteIfRequestedAsync(McpConnection connection)
    {
        if (Environment.GetEnvironmentVariable("MCPGEN_CAPTURE_SNAPSHOT") is not { Length: > 0 } path)
        {
            return;
        }

        var snapshot = await ToolSnapshot.CaptureAsync(connection);
        await File.WriteAllTextAsync(path, snapshot.ToJson());
        Console.WriteLine($"Snapshot of {snapshot.Tools.Count} tool(s) written to {path}.");
    }
}
