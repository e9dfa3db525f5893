using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests.Support;
using McpClientGen.Tests.Support;
using Microsoft.Extensions.Logging;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// <c>Auto</c> with a client registered for <c>client_secret_post</c> only, at the demo stack's OpenIddict, which lists both
/// secret methods and refuses Basic for that client with <c>invalid_client</c>: a generated client gets its token with one
/// refused and one accepted request, and with one request from then on. Explicit methods and keys never fall back.
/// What the server saw is read from <see cref="DemoStack.TokenRequests"/>.
/// </summary>
public sealed class AutoSecretMethodEndToEndTests
{
    private const int SecretMethodFallbackEvent = 116;

    [Fact]
    public async Task Auto_with_a_post_only_client_takes_one_refused_and_one_accepted_request_then_one_request_per_token()
    {
        await using var stack = await DemoStack.StartAsync();
        var clock = new FakeClock();
        await using var client = DemoClient.Create(PostOnlyOptions(stack), clock);

        await client.GetWeatherAsync("Oslo");
        Assert.Equal(
            [new DemoTokenRequest(stack.PostOnlyClientId, "client_secret_basic", "demo.read demo.write", "invalid_client"),
             new DemoTokenRequest(stack.PostOnlyClientId, "client_secret_post", "demo.read demo.write", null)],
            stack.TokenRequests);

        // Past the hour the token lives, the next call needs a new one: a single request, with the method that worked.
        clock.Advance(TimeSpan.FromHours(2));
        await client.GetWeatherAsync("Oslo");

        Assert.Equal(3, stack.TokenRequests.Count);
        Assert.Equal(new DemoTokenRequest(stack.PostOnlyClientId, "client_secret_post", "demo.read demo.write", null), stack.TokenRequests[^1]);
    }

    [Fact]
    public async Task The_fallback_is_logged_once_at_Information_naming_both_methods()
    {
        await using var stack = await DemoStack.StartAsync();
        var log = new LogCapture();
        var clock = new FakeClock();
        await using var client = DemoClient.Create(PostOnlyOptions(stack), clock, log.CreateFactory());

        await client.GetWeatherAsync("Oslo");
        clock.Advance(TimeSpan.FromHours(2));
        await client.GetWeatherAsync("Oslo");

        var entry = Assert.Single(log.Entries, entry => entry.EventId.Id == SecretMethodFallbackEvent);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains(
            $"The token endpoint {stack.TokenEndpoint} refused client {stack.PostOnlyClientId} with client_secret_basic (invalid_client) and accepted client_secret_post",
            entry.Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_ClientSecretBasic_for_the_post_only_client_fails_with_invalid_client_and_no_fallback()
    {
        await using var stack = await DemoStack.StartAsync();
        var options = PostOnlyOptions(stack);
        options.ClientAuthentication = ClientAuthenticationMethod.ClientSecretBasic;
        await using var client = DemoClient.Create(options);

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(() => client.GetWeatherAsync("Oslo"));

        Assert.Equal("invalid_client", error.Error);
        Assert.Contains("ClientAuthentication", error.Message, StringComparison.Ordinal);
        var request = Assert.Single(stack.TokenRequests);
        Assert.Equal("client_secret_basic", request.AuthenticationMethod);
        Assert.Equal(0, stack.McpRequestCount);
    }

    [Fact]
    public async Task Auto_with_a_key_the_server_refuses_never_falls_back_to_the_secret_that_would_work()
    {
        await using var stack = await DemoStack.StartAsync();
        var options = PostOnlyOptions(stack);
        // The key of another client: the post-only client has none registered, so its assertion is refused.
        options.PrivateKey = stack.JwtClients.Es256.PrivateKeyPem;
        await using var client = DemoClient.Create(options);

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(() => client.GetWeatherAsync("Oslo"));

        Assert.Equal("invalid_client", error.Error);
        var request = Assert.Single(stack.TokenRequests);
        Assert.Equal("private_key_jwt", request.AuthenticationMethod);
        Assert.Equal(stack.PostOnlyClientId, request.ClientId);
    }

    /// <summary>The post-only client with <c>Auto</c>, its authorization server named (so discovery finds its metadata).</summary>
    private static McpConnectionOptions PostOnlyOptions(DemoStack stack) => new()
    {
        Endpoint = stack.McpEndpoint,
        AuthorizationServer = stack.Issuer,
        ClientId = stack.PostOnlyClientId,
        ClientSecret = stack.PostOnlyClientSecret,
    };
}
