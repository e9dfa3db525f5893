using McpClientGen.DemoServer;
using McpClientGen.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace McpClientGen.Tests;

/// <summary>
/// The token provider against the real OpenIddict server. The client's clock is a <see cref="FakeTimeProvider"/>,
/// so expiry and refresh-ahead are tested by moving time, never by waiting. Token requests are counted by the server.
/// </summary>
public sealed class ClientCredentialsTokenProviderTests
{
    [Fact]
    public async Task A_token_is_sent_until_the_skew_before_its_expiry_and_never_after()
    {
        await using var stack = await DemoStack.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = Options(stack);
        options.TokenRefreshRatio = 1;
        using var engine = Engine(options, time);
        var provider = engine.Provider;

        var first = await Token(provider);
        Assert.Same(first, await Token(provider));

        // Still sent one second before the 60-second skew window starts.
        time.SetUtcNow(first.ExpiresAt - TimeSpan.FromSeconds(61));
        Assert.Same(first, await Token(provider));
        Assert.Equal(1, stack.TokenRequestCount);

        // Inside the skew window it is never sent again.
        time.SetUtcNow(first.ExpiresAt - TimeSpan.FromSeconds(59));
        var second = await Token(provider);
        Assert.NotEqual(first.Value, second.Value);
        Assert.Equal(2, stack.TokenRequestCount);
    }

    [Fact]
    public async Task Past_the_refresh_point_callers_keep_the_current_token_while_one_replacement_is_fetched()
    {
        await using var stack = await DemoStack.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var shared = new InMemorySharedTokenStore();
        using var engine = Engine(Options(stack), time, shared);
        var provider = engine.Provider;
        var first = await Token(provider);
        Assert.Equal(first.Value, (await shared.NextWriteAsync()).Value);
        Assert.Equal(first.IssuedAt + ((first.UsableUntil - first.IssuedAt) * 0.8), first.RefreshAt);
        Assert.True(first.RefreshAt < first.UsableUntil);

        time.SetUtcNow(first.RefreshAt);
        for (var i = 0; i < 100; i++)
        {
            // Answered at once, without waiting for the refresh.
            var call = provider.GetTokenAsync(CancellationToken.None);
            Assert.True(call.IsCompletedSuccessfully);
            Assert.Same(first, await call);
        }

        // One background request replaces the token. Its replacement is stored in the second cache level once it
        // is issued, so waiting for that write is waiting for the request; the fake clock stands still meanwhile, as
        // moving it would time the request out.
        var replacement = await shared.NextWriteAsync();
        Assert.NotEqual(first.Value, replacement.Value);
        Assert.Equal(2, stack.TokenRequestCount);

        // Once the first token is no longer sent, the replacement is, and nothing more is requested.
        time.SetUtcNow(first.UsableUntil);
        Assert.Equal(replacement.Value, (await Token(provider)).Value);
        Assert.Equal(2, stack.TokenRequestCount);
    }

    [Fact]
    public async Task A_first_level_miss_consults_the_second_level_and_a_fetched_token_is_stored_there()
    {
        await using var stack = await DemoStack.StartAsync();
        var shared = new InMemorySharedTokenStore();
        using var engine = Engine(Options(stack), shared: shared);

        var token = await Token(engine.Provider);

        // Read once before taking the fleet's lease, and once more under it (another process may have stored one meanwhile).
        var key = SharedTokenKey.For(
            new TokenCacheKey(stack.Issuer.AbsoluteUri, stack.ClientId, token.RequestedScopes, stack.McpEndpoint.AbsoluteUri, CredentialFingerprint: CredentialFingerprint.Of(Options(stack))));
        Assert.Equal([key, key], shared.Reads);
        var write = Assert.Single(shared.Writes);
        Assert.Equal(key, write.Key);
        Assert.Equal(token.Value, write.Entry.Value);
        Assert.Equal(1, shared.LeasesGranted);
        Assert.Equal(1, stack.TokenRequestCount);

        // A fresh token is served by the first level alone.
        Assert.Same(token, await Token(engine.Provider));
        Assert.Equal(2, shared.Reads.Count);
    }

    [Fact]
    public async Task Engines_sharing_a_second_level_share_one_token()
    {
        await using var stack = await DemoStack.StartAsync();
        var shared = new InMemorySharedTokenStore();
        using var first = Engine(Options(stack), shared: shared);
        using var second = Engine(Options(stack), shared: shared);

        var issued = await Token(first.Provider);

        Assert.Equal(issued.Value, (await Token(second.Provider)).Value);
        Assert.Equal(1, stack.TokenRequestCount);
        Assert.Single(shared.Writes);
    }

    [Fact]
    public async Task A_rejected_token_is_never_taken_back_from_the_second_level()
    {
        await using var stack = await DemoStack.StartAsync();
        var shared = new InMemorySharedTokenStore();
        using var first = Engine(Options(stack), shared: shared);
        using var second = Engine(Options(stack), shared: shared);
        var issued = await Token(first.Provider);
        var rejected = await Token(second.Provider);
        Assert.Equal(issued.Value, rejected.Value);

        // The rejection removes the token from the second level; a new one is requested and stored there.
        second.Provider.Invalidate(rejected);
        var replacement = await Token(second.Provider);

        Assert.NotEqual(rejected.Value, replacement.Value);
        Assert.Equal(2, stack.TokenRequestCount);
        Assert.Equal(replacement.Value, shared.Writes[^1].Entry.Value);
        Assert.Equal(replacement.Value, shared.Peek(shared.Writes[^1].Key)?.Value);
    }

    [Fact]
    public async Task A_thousand_concurrent_first_callers_share_one_token_request()
    {
        await using var stack = await DemoStack.StartAsync();
        using var engine = Engine(Options(stack));
        var provider = engine.Provider;

        var tokens = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => Token(provider))));

        Assert.Single(tokens.Select(t => t.Value).Distinct());
        Assert.Equal(1, stack.TokenRequestCount);
    }

    [Fact]
    public async Task Invalidating_the_current_token_fetches_exactly_one_new_one()
    {
        await using var stack = await DemoStack.StartAsync();
        using var engine = Engine(Options(stack));
        var provider = engine.Provider;
        var rejected = await Token(provider);

        // Many callers saw the same 401; only the first invalidation drops the token.
        for (var i = 0; i < 10; i++)
        {
            provider.Invalidate(rejected);
        }

        var replacements = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Token(provider)));
        provider.Invalidate(rejected);

        Assert.Single(replacements.Select(t => t.Value).Distinct());
        Assert.NotEqual(rejected.Value, replacements[0].Value);
        Assert.Same(replacements[0], await Token(provider));
        Assert.Equal(2, stack.TokenRequestCount);
    }

    [Fact]
    public async Task Scopes_a_step_up_asks_for_are_added_to_the_configured_ones_once_granted()
    {
        await using var stack = await DemoStack.StartAsync();
        var options = Options(stack);
        options.Scopes = "demo.read";
        using var engine = Engine(options);
        var provider = engine.Provider;
        Assert.Equal(["demo.read"], Scopes(await Token(provider)));

        var stepped = await provider.GetTokenWithScopesAsync("demo.write", CancellationToken.None);

        Assert.Equal(["demo.read", "demo.write"], Scopes(stepped));
        Assert.Equal("demo.read demo.write", stepped.RequestedScopes);
        Assert.Equal("demo.read demo.write", provider.RequestedScopes);
        Assert.Same(stepped, await Token(provider));
        Assert.Equal(2, stack.TokenRequestCount);
    }

    [Fact]
    public async Task A_refused_step_up_keeps_the_scopes_and_token_the_connection_had()
    {
        await using var stack = await DemoStack.StartAsync();
        using var engine = Engine(Options(stack));
        var provider = engine.Provider;
        var before = await Token(provider);

        // No client may have demo.admin: the authorization server refuses, and nothing changes.
        var error = await Assert.ThrowsAsync<McpAuthenticationException>(() => provider.GetTokenWithScopesAsync("demo.admin", CancellationToken.None));

        Assert.Equal("invalid_scope", error.Error);
        Assert.Same(before, await Token(provider));
        Assert.DoesNotContain("demo.admin", provider.RequestedScopes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_client_gets_a_clear_error_without_its_secret_and_the_failure_is_not_cached()
    {
        await using var stack = await DemoStack.StartAsync();
        var options = Options(stack);
        options.ClientSecret = "wrong-secret-value-8f3a";
        using var engine = Engine(options);
        var provider = engine.Provider;

        var first = await Assert.ThrowsAsync<McpAuthenticationException>(() => Token(provider));
        var second = await Assert.ThrowsAsync<McpAuthenticationException>(() => Token(provider));

        Assert.NotSame(first, second);
        Assert.Equal("invalid_client", first.Error);
        Assert.Contains(stack.TokenEndpoint.AbsoluteUri, first.Message, StringComparison.Ordinal);
        Assert.Contains("ClientSecret", first.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(options.ClientSecret, first.ToString(), StringComparison.Ordinal);
        // What the server saw, refusals included: per call, Auto's one try of each secret method the server lists, neither
        // retried nor served from a cache.
        Assert.Equal(
            [
                ("client_secret_basic", "invalid_client"), ("client_secret_post", "invalid_client"),
                ("client_secret_basic", "invalid_client"), ("client_secret_post", "invalid_client"),
            ],
            stack.TokenRequests.Select(request => (request.AuthenticationMethod, request.Error)));
    }

    [Fact]
    public async Task A_configured_token_endpoint_skips_discovery()
    {
        await using var stack = await DemoStack.StartAsync();
        var options = Options(stack);
        options.Endpoint = new Uri(stack.McpEndpoint, "/elsewhere/mcp");
        options.TokenEndpoint = stack.TokenEndpoint;
        using var engine = Engine(options);
        var provider = engine.Provider;

        // Discovery for /elsewhere/mcp would fail; the token request for that resource is refused by the
        // server (it is not a registered resource), which proves the request went straight to the endpoint.
        var error = await Assert.ThrowsAsync<McpAuthenticationException>(() => Token(provider));
        Assert.Contains(stack.TokenEndpoint.AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Error);
    }

    /// <summary>The engine as every connection builds it; the system clock unless a test moves time.</summary>
    private static ClientCredentialsEngine Engine(McpConnectionOptions options, TimeProvider? time = null, IMcpSharedTokenStore? shared = null)
    {
        options.SharedTokenStore = shared;
        return ClientCredentialsEngine.Create(options, time, loggerFactory: null);
    }

    /// <summary>The demo stack publishes its metadata, so a token is always found.</summary>
    private static async Task<AccessToken> Token(ClientCredentialsTokenProvider provider) =>
        await provider.GetTokenAsync(CancellationToken.None) ?? throw new InvalidOperationException("no token");

    /// <summary>The scopes the authorization server put in the token.</summary>
    private static string[] Scopes(AccessToken token) =>
        new JsonWebToken(token.Value).TryGetPayloadValue<string>("scope", out var scope)
            ? scope.Split(' ').Order(StringComparer.Ordinal).ToArray()
            : [];

    private static McpConnectionOptions Options(DemoStack stack) => new()
    {
        Endpoint = stack.McpEndpoint,
        ClientId = stack.ClientId,
        ClientSecret = stack.ClientSecret,
        AuthorizationServer = stack.Issuer,
    };
}
