using System.Net;
using System.Security.Cryptography;
using McpClientGen.Tests.Support;

namespace McpClientGen.Tests;

/// <summary>
/// Finding the token endpoint: protected-resource metadata (RFC 9728), then the authorization server's metadata
/// (RFC 8414 / OpenID Connect), then the client authentication method. The happy path runs against the real
/// demo stack (<c>DemoStackDiscoveryTests</c>); choices and faults it cannot show are served by
/// <see cref="LoopbackStub"/>s: one plays the MCP server (its metadata only), others play authorization servers. The
/// client trusts the server discovered (<see cref="McpConnectionOptions.TrustDiscoveredAuthorizationServer"/>) unless a
/// test names one; the rule itself is tested in <c>AuthorizationServerBindingTests</c>.
/// </summary>
public sealed class DiscoveryTests
{
    private const string ResourceMetadataPath = StubResourceMetadata.Path;
    private const string RootResourceMetadataPath = "/.well-known/oauth-protected-resource";
    private const string OAuthMetadataPath = StubAuthorizationServer.MetadataPath;
    private const string TokenPath = StubAuthorizationServer.TokenPath;

    [Fact]
    public async Task Resource_metadata_for_another_resource_is_refused_naming_both()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        await using var auth = await StubAuthorizationServer.StartAsync();
        StubResourceMetadata.Serve(mcp, mcp.Url("/other"), auth.BaseAddress);
        using var engine = Engine(mcp);

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenAsync);

        Assert.Contains(mcp.Url("/other").AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Contains(mcp.Url("/mcp").AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Empty(auth.Requests);
    }

    [Fact]
    public async Task Trusting_discovery_uses_the_first_listed_authorization_server()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        await using var first = await StubAuthorizationServer.StartAsync();
        await using var second = await StubAuthorizationServer.StartAsync();
        StubResourceMetadata.Serve(mcp, mcp.Url("/mcp"), first.BaseAddress, second.BaseAddress);
        using var engine = Engine(mcp);

        await engine.TokenAsync();

        Assert.Single(first.RequestsTo(TokenPath));
        Assert.Empty(second.Requests);
    }

    [Fact]
    public async Task The_AuthorizationServer_option_picks_a_listed_server()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        await using var first = await StubAuthorizationServer.StartAsync();
        await using var second = await StubAuthorizationServer.StartAsync();
        StubResourceMetadata.Serve(mcp, mcp.Url("/mcp"), first.BaseAddress, second.BaseAddress);
        using var engine = Engine(mcp, Naming(second.BaseAddress));

        await engine.TokenAsync();

        Assert.Empty(first.Requests);
        Assert.Single(second.RequestsTo(TokenPath));
    }

    [Fact]
    public async Task The_AuthorizationServerSelector_is_shown_the_listed_servers_in_order_and_its_pick_is_used()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        await using var first = await StubAuthorizationServer.StartAsync();
        await using var second = await StubAuthorizationServer.StartAsync();
        StubResourceMetadata.Serve(mcp, mcp.Url("/mcp"), first.BaseAddress, second.BaseAddress);
        IReadOnlyList<Uri>? shown = null;
        using var engine = Engine(mcp, options => options.AuthorizationServerSelector = listed =>
        {
            shown = listed;
            return listed[1];
        });

        await engine.TokenAsync();

        Assert.Equal([first.BaseAddress, second.BaseAddress], shown);
        Assert.Empty(first.Requests);
        Assert.Single(second.RequestsTo(TokenPath));
    }

    [Fact]
    public async Task An_AuthorizationServer_that_is_not_listed_is_refused_naming_it_the_listed_ones_and_the_option()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        await using var listed = await StubAuthorizationServer.StartAsync();
        var unlisted = new Uri("http://127.0.0.1:9/unlisted");
        StubResourceMetadata.Serve(mcp, mcp.Url("/mcp"), listed.BaseAddress);
        using var engine = Engine(mcp, Naming(unlisted));

        var error = await Assert.ThrowsAsync<McpUntrustedAuthorizationServerException>(engine.TokenAsync);

        Assert.Equal(unlisted, error.TrustedIssuer);
        Assert.Equal([listed.BaseAddress], error.AdvertisedIssuers);
        Assert.Contains(unlisted.AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Contains(listed.BaseAddress.AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Contains("AuthorizationServer", error.Message, StringComparison.Ordinal);
        Assert.Empty(listed.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task An_issuer_with_a_path_is_looked_up_at_the_spec_URLs_in_order_until_one_answers(int answering)
    {
        string[] candidates =
        [
            "/.well-known/oauth-authorization-server/tenant1",
            "/.well-known/openid-configuration/tenant1",
            "/tenant1/.well-known/openid-configuration",
        ];
        await using var mcp = await LoopbackStub.StartAsync();
        await using var auth = await LoopbackStub.StartAsync();
        var issuer = auth.Url("/tenant1");
        auth.Map(candidates[answering], StubAuthorizationServer.Metadata(issuer, auth.Url("/tenant1/token")));
        auth.Map("/tenant1/token", Respond.Token());
        StubResourceMetadata.Serve(mcp, mcp.Url("/mcp"), issuer);
        using var engine = Engine(mcp);

        await engine.TokenAsync();

        Assert.Equal([.. candidates.Take(answering + 1), "/tenant1/token"], auth.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Metadata_that_names_another_issuer_is_refused()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        await using var auth = await LoopbackStub.StartAsync();
        auth.Map(OAuthMetadataPath, StubAuthorizationServer.Metadata(auth.Url("/impostor"), auth.Url(TokenPath)));
        auth.Map(TokenPath, Respond.Token());
        StubResourceMetadata.Serve(mcp, mcp.Url("/mcp"), auth.BaseAddress);
        using var engine = Engine(mcp);

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenAsync);

        Assert.Contains(auth.Url("/impostor").AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Contains(auth.BaseAddress.AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Empty(auth.RequestsTo(TokenPath));
    }

    [Fact]
    public async Task A_plain_http_authorization_server_off_loopback_is_refused_before_it_is_contacted()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        StubResourceMetadata.Serve(mcp, mcp.Url("/mcp"), new Uri("http://auth.example.com"));
        using var engine = Engine(mcp);

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenAsync);

        // The message is the URL check's own; a request would have failed with a network error instead.
        Assert.Contains("http://auth.example.com", error.Message, StringComparison.Ordinal);
        Assert.Contains("must use HTTPS", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task A_plain_http_token_endpoint_off_loopback_is_refused()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        await using var auth = await LoopbackStub.StartAsync();
        StubResourceMetadata.Serve(mcp, mcp.Url("/mcp"), auth.BaseAddress);
        auth.Map(OAuthMetadataPath, StubAuthorizationServer.Metadata(auth.BaseAddress, new Uri("http://auth.example.com/token")));
        using var engine = Engine(mcp);

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenAsync);

        Assert.Contains("http://auth.example.com/token", error.Message, StringComparison.Ordinal);
        Assert.Contains("must use HTTPS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_http_resource_metadata_URL_in_a_challenge_is_refused()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        var endpoint = mcp.Url("/mcp");
        var (client, server) = AuthenticatedClient(endpoint);
        server.Respond = (_, _) => Challenge("resource_metadata=\"http://metadata.example.com/prm\"");

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(() => client.PostAsync(endpoint, new StringContent("{}")));

        Assert.Contains("http://metadata.example.com/prm", error.Message, StringComparison.Ordinal);
        Assert.Contains("must use HTTPS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_keeps_asking_for_new_scopes_gets_three_step_ups_then_an_authorization_error()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        await using var auth = await StubAuthorizationServer.StartAsync();
        var endpoint = mcp.Url("/mcp");
        StubResourceMetadata.Serve(mcp, endpoint, auth.BaseAddress);
        var (client, server) = AuthenticatedClient(endpoint);
        server.Respond = (_, index) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Forbidden);
            response.Headers.WwwAuthenticate.Add(new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", $"error=\"insufficient_scope\", scope=\"s{index}\""));
            return response;
        };

        var error = await Assert.ThrowsAsync<McpAuthorizationException>(() => client.PostAsync(endpoint, new StringContent("{}")));

        Assert.Equal(4, server.Requests.Count);
        Assert.Equal(["", "s0", "s0 s1", "s0 s1 s2"], auth.RequestsTo(TokenPath).Select(request => request.Form.GetValueOrDefault("scope") ?? ""));
        Assert.Equal("s3", error.RequiredScopes);
        Assert.Contains("s3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_another_origin_is_not_followed_so_the_token_never_reaches_it()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        await using var elsewhere = await LoopbackStub.StartAsync();
        await using var auth = await StubAuthorizationServer.StartAsync();
        var endpoint = mcp.Url("/mcp");
        StubResourceMetadata.Serve(mcp, endpoint, auth.BaseAddress);
        mcp.Map("/mcp", Respond.Status(HttpStatusCode.TemporaryRedirect, ("Location", elsewhere.Url("/mcp").AbsoluteUri)));

        // The production chain, as McpConnection builds it.
        await using var connection = McpConnection.Create(
            new McpConnectionOptions { Endpoint = endpoint, ClientId = "client", ClientSecret = "secret", TrustDiscoveredAuthorizationServer = true });
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.ListToolsAsync());

        // The SDK is handed the 307 itself: neither the transport nor the auth handler went to the other origin.
        Assert.Equal(HttpStatusCode.TemporaryRedirect, error.StatusCode);

        Assert.Equal("Bearer stub-token", mcp.RequestsTo("/mcp")[0].Header("Authorization"));
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task Without_resource_metadata_at_either_well_known_URL_no_token_is_returned()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        using var engine = Engine(mcp);

        var token = await engine.Provider.GetTokenAsync(CancellationToken.None).AsTask().Within();

        Assert.Null(token);
        Assert.Equal([ResourceMetadataPath, RootResourceMetadataPath], mcp.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Auto_uses_client_secret_post_when_the_server_supports_only_that()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        await using var auth = await StubAuthorizationServer.StartAsync(authMethods: ["client_secret_post"]);
        StubResourceMetadata.Serve(mcp, mcp.Url("/mcp"), auth.BaseAddress);
        using var engine = Engine(mcp);

        await engine.TokenAsync();

        var request = Assert.Single(auth.RequestsTo(TokenPath));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal(engine.Options.ClientSecret, request.Form["client_secret"]);
    }

    [Fact]
    public async Task Auto_explains_that_a_secret_cannot_be_used_when_the_server_supports_only_private_key_jwt()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        await using var auth = await StubAuthorizationServer.StartAsync(authMethods: ["private_key_jwt"]);
        StubResourceMetadata.Serve(mcp, mcp.Url("/mcp"), auth.BaseAddress);
        using var engine = Engine(mcp);

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenAsync);

        Assert.Contains("private_key_jwt", error.Message, StringComparison.Ordinal);
        Assert.Contains("none of which", error.Message, StringComparison.Ordinal);
        Assert.Contains("PrivateKey, PrivateKeyFile or SigningCertificate", error.Message, StringComparison.Ordinal);
        Assert.Empty(auth.RequestsTo(TokenPath));
    }

    [Fact]
    public async Task Auto_with_a_key_and_a_secret_uses_the_secret_when_the_server_does_not_support_private_key_jwt()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        await using var auth = await StubAuthorizationServer.StartAsync(authMethods: ["client_secret_basic"]);
        StubResourceMetadata.Serve(mcp, mcp.Url("/mcp"), auth.BaseAddress);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var engine = Engine(mcp, options => options.PrivateKey = key.ExportPkcs8PrivateKeyPem());

        await engine.TokenAsync();

        var request = Assert.Single(auth.RequestsTo(TokenPath));
        Assert.StartsWith("Basic ", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.False(request.Form.ContainsKey("client_assertion"));
    }

    [Fact]
    public async Task A_discovery_result_is_reused_for_the_next_token_request()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        await using var auth = await StubAuthorizationServer.StartAsync();
        StubResourceMetadata.Serve(mcp, mcp.Url("/mcp"), auth.BaseAddress);
        using var engine = Engine(mcp);

        await engine.TokenAsync();
        engine.ExpireTokens();
        await engine.TokenAsync();

        Assert.Equal([ResourceMetadataPath], mcp.Requests.Select(r => r.Path));
        Assert.Equal([OAuthMetadataPath, TokenPath, TokenPath], auth.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_discovery_failure_is_not_cached()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        await using var auth = await StubAuthorizationServer.StartAsync();
        mcp.Map(ResourceMetadataPath, Respond.Sequence(
            StubResourceMetadata.Document(mcp.Url("/other"), auth.BaseAddress),
            StubResourceMetadata.Document(mcp.Url("/mcp"), auth.BaseAddress)));
        using var engine = Engine(mcp);

        await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenAsync);
        await engine.TokenAsync();

        Assert.Equal(2, mcp.RequestsTo(ResourceMetadataPath).Count);
        Assert.Single(auth.RequestsTo(TokenPath));
    }

    // ---- helpers ----

    /// <summary>
    /// Options with a secret and no TokenEndpoint, so the engine discovers from <paramref name="mcp"/>, trusting the
    /// authorization server it finds there.
    /// </summary>
    private static TokenEngine Engine(LoopbackStub mcp, Action<McpConnectionOptions>? configure = null)
    {
        var options = new McpConnectionOptions
        {
            Endpoint = mcp.Url("/mcp"), ClientId = "discovery-client", ClientSecret = "discovery-secret", TrustDiscoveredAuthorizationServer = true,
        };
        configure?.Invoke(options);
        return new TokenEngine(options, new FakeClock());
    }

    /// <summary>Names the authorization server in the configuration instead of trusting the one discovered.</summary>
    private static Action<McpConnectionOptions> Naming(Uri issuer) => options =>
    {
        options.TrustDiscoveredAuthorizationServer = false;
        options.AuthorizationServer = issuer;
    };

    [Fact]
    public async Task Without_well_known_metadata_the_401_challenge_names_it_and_the_request_is_resent_with_a_token()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        await using var auth = await StubAuthorizationServer.StartAsync();
        var endpoint = mcp.Url("/mcp");
        var challengedMetadata = mcp.Url("/custom/resource-metadata");
        mcp.Map(challengedMetadata.AbsolutePath, StubResourceMetadata.Document(endpoint, auth.BaseAddress));
        var (client, server) = AuthenticatedClient(endpoint);
        server.Respond = (request, _) => request.BearerToken is null
            ? Challenge($"resource_metadata=\"{challengedMetadata}\"")
            : new HttpResponseMessage(HttpStatusCode.OK);

        var response = await client.PostAsync(endpoint, new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([null, "stub-token"], server.Requests.Select(request => request.BearerToken));
        Assert.Equal(
            [ResourceMetadataPath, RootResourceMetadataPath, challengedMetadata.AbsolutePath],
            mcp.Requests.Select(request => request.Path));
    }

    [Fact]
    public async Task Without_any_metadata_a_401_fails_with_an_error_that_says_what_to_configure()
    {
        await using var mcp = await LoopbackStub.StartAsync();
        var endpoint = mcp.Url("/mcp");
        var (client, server) = AuthenticatedClient(endpoint);
        server.Respond = (_, _) => Challenge("error=\"invalid_token\"");

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(() => client.PostAsync(endpoint, new StringContent("{}")));

        Assert.Contains(endpoint.AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Contains("TokenEndpoint", error.Message, StringComparison.Ordinal);
    }

    /// <summary>An HTTP client through the auth handler, with a recording handler in place of the MCP server.</summary>
    private static (HttpClient Client, RecordingHandler Server) AuthenticatedClient(Uri endpoint)
    {
        var options = new McpConnectionOptions { Endpoint = endpoint, ClientId = "client", ClientSecret = "secret", TrustDiscoveredAuthorizationServer = true };
        var server = new RecordingHandler();
        return (new HttpClient(ClientCredentialsEngine.Create(options, timeProvider: null, loggerFactory: null).CreateHandler(server, ownsEngine: true)), server);
    }

    private static HttpResponseMessage Challenge(string parameters)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Add(new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", parameters));
        return response;
    }
}
