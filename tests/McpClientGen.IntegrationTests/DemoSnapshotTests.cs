using McpClientGen.DemoServer;
using McpClientGen.Snapshots;
using McpClientGen.Testing;

namespace McpClientGen.Tests;

/// <summary>
/// <c>schemas/demo.mcp.json</c> is produced by code from the live DemoServer, never edited by hand. This test
/// fails when the committed file no longer matches; run it with MCPGEN_UPDATE_SNAPSHOTS=1 to rewrite it.
/// </summary>
public sealed class DemoSnapshotTests
{
    [Fact]
    public async Task Committed_demo_snapshot_matches_the_live_server()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var connection = McpConnection.Create(new McpConnectionOptions
        {
            Endpoint = stack.McpEndpoint,
            ClientId = stack.ClientId,
            ClientSecret = stack.ClientSecret,
        });

        var tools = await connection.ListToolsAsync();
        var (server, protocolVersion) = await connection.GetServerInfoAsync();
        var live = SnapshotWriter.Write(server, protocolVersion, tools.Select(t => t.ProtocolTool));

        var path = RepositoryPaths.Combine("schemas", "demo.mcp.json");
        if (Environment.GetEnvironmentVariable("MCPGEN_UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(path, live);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run this test with MCPGEN_UPDATE_SNAPSHOTS=1 to create it.");
        var committed = await File.ReadAllTextAsync(path);
        Assert.True(
            committed == live,
            $"schemas/demo.mcp.json differs from what the DemoServer lists. If the change is intended, run this test with MCPGEN_UPDATE_SNAPSHOTS=1 and commit the file.\n--- live ---\n{live}");
    }
}
