using McpClientGen.IntegrationTests.Support;
using McpClientGen.Testing;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// Without a configured protocol version the MCP SDK probes <c>server/discover</c> first, which a server of an older
/// revision refuses with HTTP 400 before the <c>initialize</c> handshake. The runtime remembers the revision each endpoint
/// agreed on, so the probe (and its 400) happens once per endpoint in a process, not once per connection.
/// </summary>
public sealed class ProtocolProbeTests
{
    [Fact]
    public async Task Two_connections_to_a_server_of_an_older_revision_probe_it_once_and_log_nothing_alarming()
    {
        // The SDK's stateful mode speaks the initialize handshake only: it refuses the probe.
        await using var server = await LoopbackMcpServer.StartAsync<PingTools>(HttpServerSessionMode.Stateful);
        var capture = new LogCapture();
        using var logging = capture.CreateFactory();

        var agreed = new List<string?>();
        for (var connection = 0; connection < 2; connection++)
        {
            await using var mcp = McpConnection.CreateUnauthenticated(server.Endpoint, logging);
            Assert.Single(await mcp.ListToolsAsync());
            agreed.Add((await mcp.GetServerInfoAsync()).ProtocolVersion);
        }

        Assert.Equal(1, server.BadRequestCount);
        Assert.Equal(2, server.SessionIds.Count);
        Assert.Equal(agreed[0], agreed[1]);
        Assert.DoesNotContain(capture.Entries, entry => entry.Level >= LogLevel.Warning);
        Assert.DoesNotContain(
            capture.Entries,
            entry => entry.Category.StartsWith("McpClientGen", StringComparison.Ordinal) && entry.Level >= LogLevel.Information && entry.Text.Contains("400", StringComparison.Ordinal));
    }
}
