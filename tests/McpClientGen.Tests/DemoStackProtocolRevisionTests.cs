using McpClientGen.DemoServer;
using ModelContextProtocol;

namespace McpClientGen.Tests;

/// <summary>
/// A protocol revision the process remembered for an endpoint that the server no longer supports (it was upgraded or
/// replaced) does not fail the call: the session is opened again without it, in the same call. A revision the server
/// does not speak is never reported as a wrong path. Against the real demo MCP server; net10.0 only, as the demo stack.
/// </summary>
public sealed class DemoStackProtocolRevisionTests
{
    /// <summary>A revision no MCP server speaks.</summary>
    private const string UnknownRevision = "2024-01-01";

    [Fact]
    public async Task A_remembered_revision_the_server_no_longer_supports_is_forgotten_and_the_same_call_succeeds()
    {
        await using var stack = await DemoStack.StartAsync();
        ProtocolRevisions.Shared.Remember(stack.McpEndpoint, UnknownRevision);
        await using var connection = McpConnection.Create(Options(stack));

        Assert.NotEmpty(await connection.ListToolsAsync());

        var agreed = (await connection.GetServerInfoAsync()).ProtocolVersion;
        Assert.NotEqual(UnknownRevision, agreed);
        Assert.Equal(agreed, ProtocolRevisions.Shared.For(stack.McpEndpoint));
    }

    [Fact]
    public async Task A_configured_revision_the_server_does_not_speak_is_not_reported_as_a_wrong_path()
    {
        await using var stack = await DemoStack.StartAsync();
        var options = Options(stack);
        options.ProtocolVersion = UnknownRevision;
        await using var connection = McpConnection.Create(options);

        var error = await Assert.ThrowsAnyAsync<McpException>(() => connection.ListToolsAsync());

        Assert.Contains("protocol version", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static McpConnectionOptions Options(DemoStack stack) =>
        new() { Endpoint = stack.McpEndpoint, ClientId = stack.ClientId, ClientSecret = stack.ClientSecret, AuthorizationServer = stack.Issuer };
}
