using McpClientGen.DemoServer;
using McpClientGen.Tests.Support;

namespace McpClientGen.Tests;

/// <summary>
/// Discovery's happy path against the real demo stack; the choices and faults it cannot show are in
/// <see cref="DiscoveryTests"/>. The demo stack runs on net10.0 only, and so does this class.
/// </summary>
public sealed class DemoStackDiscoveryTests
{
    [Fact]
    public async Task The_demo_server_leads_to_the_named_issuers_token_endpoint_without_TokenEndpoint_configured()
    {
        await using var stack = await DemoStack.StartAsync();
        using var engine = new TokenEngine(
            new McpConnectionOptions { Endpoint = stack.McpEndpoint, ClientId = stack.ClientId, ClientSecret = stack.ClientSecret, AuthorizationServer = stack.Issuer },
            new FakeClock());

        var token = await engine.TokenAsync();

        Assert.False(string.IsNullOrEmpty(token.Value));
        Assert.Equal(1, stack.TokenRequestCount);
    }
}
