using McpClientGen.IntegrationTests.Support;
using McpClientGen.Snapshots;

namespace McpClientGen.IntegrationTests.Everything;

/// <summary>
/// <c>schemas/everything.mcp.json</c>, the tools, prompts, resources and resource templates of the pinned
/// server-everything, is captured from the live server over stdio by the runtime (<see cref="McpConnection.CreateStdio"/>
/// and <see cref="ToolSnapshot.CaptureAsync"/>), never written by hand. This test fails when the committed file no longer
/// matches (see <see cref="CommittedSnapshot"/> for rewriting it).
/// </summary>
public sealed class EverythingSnapshotTests
{
    [Fact]
    public async Task Committed_everything_snapshot_matches_the_live_server()
    {
        await using var connection = McpConnection.CreateStdio(await EverythingServer.OptionsAsync());

        var live = (await ToolSnapshot.CaptureAsync(connection)).ToJson();

        await CommittedSnapshot.AssertMatchesAsync(Path.Combine("schemas", "everything.mcp.json"), live);
    }
}
