using System.Net;
using McpClientGen.Tests.Support;

namespace McpClientGen.Tests;

/// <summary>
/// Credentials go only to the authorization server they belong to: the one the configuration names, or, by opt-in, the
/// first one discovered, pinned. What the real demo stack can show is in the integration tests
/// (<c>AuthorizationServerBindingTests</c> there); these use <see cref="LoopbackStub"/>s for what it cannot: resources
/// listing several servers, metadata that fails to load on the re-check after a 401, a shared cache that mixes up its
/// entries.
/// </summary>
public sealed class AuthorizationServerBindingTests
{
    private const string Secret = "binding-secret-5e1f0c";

    [Fact]
    public async Task By_default_every_discovered_server_is_refused_and_the_error_names_them_and_each_option_that_would_trust_one()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        await using var first = await StubAuthorizationServer.StartAsync();
        await using var second = await StubAuthorizationServer.StartAsync();
        StubResourceMetadata.Serve(mcp, mcp.Url("/mcp"), first.BaseAddress, second.BaseAddress);
        using var engine = new TokenEngine(Options(mcp), new FakeClock());

        var error = await Assert.ThrowsAsync<McpUntrustedAuthorizationServerException>(engine.TokenAsync);

        Assert.Null(error.TrustedIssuer);
        Assert.Equal([first.BaseAddress, second.BaseAddress], error.AdvertisedIssuers);
        Assert.Contains($"'{first.BaseAddress}', '{second.BaseAddress}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("set AuthorizationServer to the one you trust", error.Message, StringComparison.Ordinal);
        Assert.Contains("TokenEndpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("TrustDiscoveredAuthorizationServer to true", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(first.Requests);
        Assert.Empty(second.Requests);
    }

    [Fact]
    public async Task A_pinned_server_is_kept_when_the_resource_later_lists_another_one_first()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        await using var pinned = await StubAuthorizationServer.StartAsync();
        await using var other = await StubAuthorizationServer.StartAsync();
        StubResourceMetadata.Serve(mcp, mcp.Url("/mcp"), pinned.BaseAddress);
        var (client, server) = TrustingClient(mcp);
        server.Respond = (request, index) => index == 1 ? Challenge(mcp) : new HttpResponseMessage(HttpStatusCode.OK);

        await client.PostAsync(mcp.Url("/mcp"), new StringContent("{}"));
        StubResourceMetadata.Serve(mcp, mcp.Url("/mcp"), other.BaseAddress, pinned.BaseAddress);
        var response = await client.PostAsync(mcp.Url("/mcp"), new StringContent("{}"));

        // The 401 made the client read the metadata again; the first-listed server is not what it trusts.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, mcp.RequestsTo(StubResourceMetadata.Path).Count);
        Assert.Equal(2, pinned.RequestsTo(StubAuthorizationServer.TokenPath).Count);
        Assert.Empty(other.Requests);
    }

    [Fact]
    public async Task Metadata_that_cannot_be_read_again_after_a_401_leaves_the_pinned_server_in_use()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        await using var pinned = await StubAuthorizationServer.StartAsync();
        mcp.Map(StubResourceMetadata.Path, Respond.Sequence(
            StubResourceMetadata.Document(mcp.Url("/mcp"), pinned.BaseAddress),
            Respond.Status(HttpStatusCode.ServiceUnavailable)));
        var (client, server) = TrustingClient(mcp, retries: 0);
        server.Respond = (request, index) => index == 1 ? Challenge(mcp) : new HttpResponseMessage(HttpStatusCode.OK);

        await client.PostAsync(mcp.Url("/mcp"), new StringContent("{}"));
        var response = await client.PostAsync(mcp.Url("/mcp"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, mcp.RequestsTo(StubResourceMetadata.Path).Count);
        Assert.Equal(2, pinned.RequestsTo(StubAuthorizationServer.TokenPath).Count);
    }

    [Fact]
    public async Task A_shared_cache_entry_issued_by_another_authorization_server_is_never_used()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        await using var trusted = await StubAuthorizationServer.StartAsync();
        await using var other = await StubAuthorizationServer.StartAsync();
        other.Map(StubAuthorizationServer.TokenPath, Respond.Token("token-from-the-other-server"));
        StubResourceMetadata.Serve(mcp, mcp.Url("/mcp"), trusted.BaseAddress, other.BaseAddress);
        var store = new MixedUpSharedTokenStore();
        using var otherEngine = new TokenEngine(Naming(Options(mcp), other.BaseAddress), new FakeClock(), store);
        using var engine = new TokenEngine(Naming(Options(mcp), trusted.BaseAddress), new FakeClock(), store);

        var stored = await otherEngine.TokenAsync();
        var token = await engine.TokenAsync();

        // The store handed the other server's token to the trusted server's key; the engine requested its own.
        // Each acquisition read it before taking the lease and again under it.
        Assert.Equal(4, store.Inner.Reads.Count);
        Assert.Equal("token-from-the-other-server", store.Inner.Writes[0].Entry.Value);
        Assert.Equal("token-from-the-other-server", stored.Value);
        Assert.Equal("stub-token", token.Value);
        Assert.Equal(trusted.BaseAddress.AbsoluteUri, token.Authority);
        Assert.Single(trusted.RequestsTo(StubAuthorizationServer.TokenPath));
    }

    private static McpConnectionOptions Options(LoopbackStub mcp) =>
        new() { Endpoint = mcp.Url("/mcp"), ClientId = "binding-client", ClientSecret = Secret };

    private static McpConnectionOptions Naming(McpConnectionOptions options, Uri issuer)
    {
        options.AuthorizationServer = issuer;
        return options;
    }

    /// <summary>An HTTP client through the auth handler, trusting the server discovered, with a recording handler as the MCP server.</summary>
    private static (HttpClient Client, RecordingHandler Server) TrustingClient(LoopbackStub mcp, int retries = 3)
    {
        var options = Options(mcp);
        options.TrustDiscoveredAuthorizationServer = true;
        options.TokenRequestRetries = retries;
        var server = new RecordingHandler();
        return (new HttpClient(ClientCredentialsEngine.Create(options, timeProvider: null, loggerFactory: null).CreateHandler(server, ownsEngine: true)), server);
    }

    /// <summary>The 401 a server sends when it rejects a token, naming its metadata.</summary>
    private static HttpResponseMessage Challenge(LoopbackStub mcp)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Add(new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", $"error=\"invalid_token\", resource_metadata=\"{mcp.Url(StubResourceMetadata.Path)}\""));
        return response;
    }

    /// <summary>A broken shared store: one entry whatever the key, so it hands out whatever was stored last.</summary>
    private sealed class MixedUpSharedTokenStore : IMcpSharedTokenStore
    {
        private static readonly SharedTokenKey TheOnlyKey = new("every-key");

        public InMemorySharedTokenStore Inner { get; } = new();

        public ValueTask<SharedTokenEntry?> GetAsync(SharedTokenKey key, CancellationToken cancellationToken) => Inner.GetAsync(TheOnlyKey, cancellationToken);

        public ValueTask SetAsync(SharedTokenKey key, SharedTokenEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken) =>
            Inner.SetAsync(TheOnlyKey, entry, timeToLive, cancellationToken);

        public ValueTask<IAsyncDisposable?> TryAcquireLeaseAsync(SharedTokenKey key, TimeSpan leaseTime, CancellationToken cancellationToken) =>
            Inner.TryAcquireLeaseAsync(TheOnlyKey, leaseTime, cancellationToken);

        public ValueTask<SharedTokenEntry?> WaitForEntryAsync(SharedTokenKey key, string? seenValueHash, TimeSpan timeout, CancellationToken cancellationToken) =>
            Inner.WaitForEntryAsync(TheOnlyKey, seenValueHash, timeout, cancellationToken);

        public ValueTask RemoveIfAsync(SharedTokenKey key, string valueHash, CancellationToken cancellationToken) =>
            Inner.RemoveIfAsync(TheOnlyKey, valueHash, cancellationToken);
    }
}
