using McpClientGen.DemoServer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace McpClientGen.IntegrationTests.RevisionObligations;

/// <summary>
/// SEP-2352, through a generated client, with two real OpenIddict authorization servers: credentials and tokens belong
/// to the issuer they were configured for or obtained from. After a first call with a token from the MCP server's
/// authorization server (AS1), the server moves: its metadata names AS2 (another demo stack's authorization server, on
/// which a client of the same id is registered) and it refuses AS1's tokens. The client must neither present its AS1
/// credentials to AS2 (AS2 records every token request, refused or not) nor keep using AS1's token with the moved
/// server, and the MCP server must have seen only tokens AS1 issued.
/// </summary>
public sealed class IssuerKeyedCredentialsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task After_the_server_moves_to_another_issuer_nothing_of_the_first_is_sent_there_or_reused(bool pinnedByOptIn)
    {
        await using var stack = await DemoStack.StartAsync();
        await using var otherIssuer = await DemoStack.StartAsync();
        var options = stack.ClientOptions();
        if (pinnedByOptIn)
        {
            options.AuthorizationServer = null;
            options.TrustDiscoveredAuthorizationServer = true;
        }

        await using var client = DemoClient.Create(options);
        await client.GetWeatherAsync("Oslo");
        var beforeMove = stack.McpRequests.Count;

        stack.AdvertiseAuthorizationServers(otherIssuer.Issuer);
        stack.RevokeIssuedTokens();
        var error = await Assert.ThrowsAsync<McpUntrustedAuthorizationServerException>(() => client.GetWeatherAsync("Bergen"));
        await Assert.ThrowsAsync<McpUntrustedAuthorizationServerException>(() => client.GetWeatherAsync("Bergen"));

        Assert.Equal(stack.Issuer, error.TrustedIssuer);
        Assert.Equal([otherIssuer.Issuer], error.AdvertisedIssuers);
        Assert.Empty(otherIssuer.TokenRequests);
        Assert.Empty(otherIssuer.McpRequests);
        // AS1 was asked once, before the move; its token was tried once on the moved server (the 401 that revealed the
        // move), and never again.
        Assert.Equal(1, stack.TokenRequestCount);
        var tokens = stack.McpRequests.Select(BearerToken).ToList();
        Assert.All(tokens, token => Assert.Equal(stack.Issuer.AbsoluteUri, new JsonWebToken(token).Issuer));
        Assert.Single(tokens.Skip(beforeMove));
    }

    [Fact]
    public async Task Credentials_configured_for_one_issuer_are_never_sent_to_a_server_that_names_only_another()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var otherIssuer = await DemoStack.StartAsync();
        stack.AdvertiseAuthorizationServers(otherIssuer.Issuer);
        await using var client = DemoClient.Create(stack.ClientOptions());

        await Assert.ThrowsAsync<McpUntrustedAuthorizationServerException>(() => client.GetWeatherAsync("Oslo"));

        Assert.Empty(otherIssuer.TokenRequests);
        Assert.Empty(stack.TokenRequests);
        Assert.All(stack.McpRequests, request => Assert.Null(request.Header("Authorization")));
    }

    private static string? BearerToken(DemoMcpRequest request) =>
        request.Header("Authorization") is { } value && value.StartsWith("Bearer ", StringComparison.Ordinal) ? value["Bearer ".Length..] : null;
}
