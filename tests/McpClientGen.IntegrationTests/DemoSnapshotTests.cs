using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests.Support;
using McpClientGen.Snapshots;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// <c>schemas/demo.mcp.json</c> is produced by code from the live DemoServer, never edited by hand. This test
/// fails when the committed file no longer matches (see <see cref="CommittedSnapshot"/> for rewriting it).
/// </summary>
public sealed class DemoSnapshotTests
{
    [Fact]
    public async Task Committed_demo_snapshot_matches_the_live_server()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var connection = McpConnection.Create(stack.ClientOptions());

        var live = (await ToolSnapshot.CaptureAsync(connection)).ToJson();

        await CommittedSnapshot.AssertMatchesAsync(Path.Combine("schemas", "demo.mcp.json"), live);
    }
}
