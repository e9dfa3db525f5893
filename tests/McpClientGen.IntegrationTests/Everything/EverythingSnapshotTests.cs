using McpClientGen.IntegrationTests.Support;
using McpClientGen.Snapshots;

namespace McpClientGen.IntegrationTests.Everything;

/// <summary>
/// <c>Everything/everything.mcp.json</c>, the tools and prompts of the pinned server-everything, is written by
/// <see cref="SnapshotWriter"/> from the live server over stdio, never by hand. This test fails when the committed file
/// no longer matches (see <see cref="CommittedSnapshot"/> for rewriting it).
/// </summary>
public sealed class EverythingSnapshotTests
{
    [Fact]
    public async Task Committed_everything_snapshot_matches_the_live_server()
    {
        await using var client = await EverythingServer.ConnectAsync();

        var tools = await client.ListToolsAsync();
        var prompts = await client.ListPromptsAsync();
        var live = SnapshotWriter.Write(
            client.ServerInfo, client.NegotiatedProtocolVersion, tools.Select(tool => tool.ProtocolTool), prompts.Select(prompt => prompt.ProtocolPrompt));

        await CommittedSnapshot.AssertMatchesAsync(
            Path.Combine("tests", "McpClientGen.IntegrationTests", "Everything", "everything.mcp.json"), live);
    }
}
