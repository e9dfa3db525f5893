using McpClientGen.IntegrationTests.Support;
using McpClientGen.Snapshots;

namespace McpClientGen.IntegrationTests.Stdio;

/// <summary>
/// <c>Schemas/stdio-test.mcp.json</c>, which the stdio client is generated from, is captured from the live stdio test
/// server over stdio, never edited by hand (rewrite it with <c>MCPGEN_UPDATE_SNAPSHOTS=1</c>, see <see cref="CommittedSnapshot"/>).
/// </summary>
public sealed class StdioSnapshotTests
{
    [Fact]
    public async Task Committed_stdio_test_snapshot_matches_the_live_server()
    {
        await using var connection = McpConnection.CreateStdio(StdioTestServer.Options());

        var live = (await ToolSnapshot.CaptureAsync(connection)).ToJson();

        await CommittedSnapshot.AssertMatchesAsync(Path.Combine("tests", "McpClientGen.IntegrationTests", "Schemas", "stdio-test.mcp.json"), live);
    }
}
