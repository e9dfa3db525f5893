using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using McpClientGen.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace McpClientGen.Tests;

/// <summary>
/// Token requests of a client with a TLS client certificate (RFC 8705), against <see cref="LoopbackStub"/>s playing the
/// MCP server's metadata and an authorization server: the mTLS alias of the token endpoint (§5), the form of
/// <c>tls_client_auth</c> and <c>self_signed_tls_client_auth</c> (§2), the token's binding (§3), and a certificate
/// rotation. The stubs speak plain HTTP, so no certificate is presented here; the TLS side runs against the demo stack
/// in McpClientGen.IntegrationTests (MutualTlsEndToEndTests, CertificateBoundTokenTests).
/// </summary>
public sealed class MutualTlsTokenRequestTests
{
    private const string ResourceMetadataPath = "/.well-known/oauth-protected-resource/mcp";
    private const string MetadataPath = "/.well-known/oauth-authorization-server";
    private const string TokenPath = "/token";
    private const string MtlsTokenPath = "/mtls/token";
    private const string ClientId = "mtls-client";

    [Fact]
    public async Task A_client_with_a_certificate_sends_its_token_request_to_the_mtls_alias_with_its_client_id_and_no_secret()
    {
        await using var servers = await Servers.StartAsync(withAlias: true);
        using var certificate = TestCertificates.SelfSigned();
        using var engine = servers.Engine(CertificateOptions(servers, certificate));

        var token = await engine.TokenAsync();

        Assert.Empty(servers.Auth.RequestsTo(TokenPath));
        var request = Assert.Single(servers.Auth.RequestsTo(MtlsTokenPath));
        Assert.Equal(ClientId, request.Form["client_id"]);
        Assert.Equal("client_credentials", request.Form["grant_type"]);
        Assert.False(request.Form.ContainsKey("client_secret"));
        Assert.False(request.Form.ContainsKey("client_assertion"));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal(ClientCertificate.ThumbprintOf(certificate), token.Certificate?.Thumbprint);
    }

    [Fact]
    public async Task A_client_without_a_certificate_keeps_to_the_plain_token_endpoint()
    {
        await using var servers = await Servers.StartAsync(withAlias: true);
        var options = servers.BaseOptions();
        options.ClientSecret = "secret";
        using var engine = servers.Engine(options);

        var token = await engine.TokenAsync();

        Assert.Single(servers.Auth.RequestsTo(TokenPath));
        Assert.Empty(servers.Auth.RequestsTo(MtlsTokenPath));
        Assert.Null(token.Certificate);
    }

    [Fact]
    public async Task Without_an_alias_a_client_with_a_certificate_uses_the_token_endpoint()
    {
        await using var servers = await Servers.StartAsync(withAlias: false);
        using var certificate = TestCertificates.SelfSigned();
        using var engine = servers.Engine(CertificateOptions(servers, certificate));

        await engine.TokenAsync();

        Assert.Single(servers.Auth.RequestsTo(TokenPath));
    }

    /// <summary>How the token tells its binding: the JWT's <c>cnf</c> claim, or a <c>cnf</c> member of the response.</summary>
    public static TheoryData<string> Bindings() => ["jwt", "response"];

    [Theory]
    [MemberData(nameof(Bindings))]
    public async Task A_token_bound_to_the_certificate_presented_is_accepted(string boundIn)
    {
        await using var servers = await Servers.StartAsync(withAlias: true);
        using var certificate = TestCertificates.SelfSigned();
        servers.Auth.Map(MtlsTokenPath, BoundTokenResponse(ClientCertificate.ThumbprintOf(certificate), boundIn));
        using var engine = servers.Engine(CertificateOptions(servers, certificate));

        var token = await engine.TokenAsync();

        Assert.Equal(ClientCertificate.ThumbprintOf(certificate), token.Certificate?.Thumbprint);
    }

    [Theory]
    [MemberData(nameof(Bindings))]
    public async Task A_token_bound_to_another_certificate_is_refused_naming_both_thumbprints(string boundIn)
    {
        await using var servers = await Servers.StartAsync(withAlias: true);
        using var certificate = TestCertificates.SelfSigned();
        using var other = TestCertificates.SelfSigned("CN=someone else");
        servers.Auth.Map(MtlsTokenPath, BoundTokenResponse(ClientCertificate.ThumbprintOf(other), boundIn));
        using var engine = servers.Engine(CertificateOptions(servers, certificate));

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(engine.TokenAsync);

        Assert.Contains(ClientCertificate.ThumbprintOf(other), error.Message, StringComparison.Ordinal);
        Assert.Contains(ClientCertificate.ThumbprintOf(certificate), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rotated_certificate_drops_the_token_requested_with_the_old_one_and_its_cache_key_names_the_new_one()
    {
        await using var servers = await Servers.StartAsync(withAlias: true);
        using var first = TestCertificates.SelfSigned("CN=first");
        using var second = TestCertificates.SelfSigned("CN=second");
        var cache = new InMemorySharedTokenStore();
        using var engine = new TokenEngine(CertificateOptions(servers, first), new FakeClock(), cache);
        var old = await engine.TokenAsync();

        var rotated = engine.Options.Snapshot();
        rotated.ClientCertificate = second;
        engine.Provider.UpdateCredentials(rotated);
        var renewed = await engine.TokenAsync();

        Assert.NotSame(old, renewed);
        Assert.Equal(ClientCertificate.ThumbprintOf(second), renewed.Certificate?.Thumbprint);
        Assert.Equal(2, servers.Auth.RequestsTo(MtlsTokenPath).Count);
        Assert.Equal(
            [ClientCertificate.ThumbprintOf(first), ClientCertificate.ThumbprintOf(second)],
            cache.Writes.Select(write => write.Entry.CertificateThumbprint));
        Assert.NotEqual(cache.Writes[0].Key, cache.Writes[1].Key);
    }

    [Fact]
    public async Task The_same_certificate_loaded_again_keeps_the_token()
    {
        await using var servers = await Servers.StartAsync(withAlias: true);
        using var certificate = TestCertificates.SelfSigned();
        using var engine = servers.Engine(CertificateOptions(servers, certificate));
        var token = await engine.TokenAsync();

        // A configuration reload that changed something else builds new credentials around the same certificate.
        var reloaded = engine.Options.Snapshot();
        using var sameAgain = new X509Certificate2(certificate);
        reloaded.ClientCertificate = sameAgain;
        engine.Provider.UpdateCredentials(reloaded);

        Assert.Same(token, await engine.TokenAsync());
        Assert.Single(servers.Auth.RequestsTo(MtlsTokenPath));
    }

    [Fact]
    public async Task A_certificate_cannot_be_added_or_removed_while_the_client_runs()
    {
        await using var servers = await Servers.StartAsync(withAlias: true);
        using var certificate = TestCertificates.SelfSigned();
        using var withCertificate = servers.Engine(CertificateOptions(servers, certificate));
        var withSecretOptions = servers.BaseOptions();
        withSecretOptions.ClientSecret = "secret";
        using var withSecret = servers.Engine(withSecretOptions);

        var removed = withCertificate.Options.Snapshot();
        removed.ClientCertificate = null;
        removed.ClientAuthentication = ClientAuthenticationMethod.Auto;
        removed.ClientSecret = "secret";
        var added = withSecret.Options.Snapshot();
        added.ClientCertificate = certificate;

        Assert.Contains("restart", Assert.Throws<InvalidOperationException>(() => withCertificate.Provider.UpdateCredentials(removed)).Message, StringComparison.Ordinal);
        Assert.Contains("restart", Assert.Throws<InvalidOperationException>(() => withSecret.Provider.UpdateCredentials(added)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "self_signed_tls_client_auth")]
    [InlineData(false, "tls_client_auth")]
    public void Auto_prefers_the_tls_method_the_certificate_fits_over_a_secret(bool selfSigned, string expected)
    {
        var (issued, authority) = TestCertificates.IssuedByCertificateAuthority();
        using (authority)
        using (issued)
        using (var self = TestCertificates.SelfSigned())
        {
            var options = new McpConnectionOptions { ClientId = ClientId, ClientSecret = "secret" };
            var server = new AuthorizationServerMetadata(
                new Uri("https://as.example.com/"), new Uri("https://as.example.com/token"), ["client_secret_basic", "tls_client_auth", "self_signed_tls_client_auth"], null);

            var chosen = ClientAuthenticationSelector.Select(options, server, null, certificate: new ClientCertificate(selfSigned ? self : issued, []));

            Assert.Equal(expected, chosen.Method);
        }
    }

    [Fact]
    public void Auto_falls_back_to_the_secret_when_the_server_lists_no_tls_method()
    {
        using var certificate = TestCertificates.SelfSigned();
        var options = new McpConnectionOptions { ClientId = ClientId, ClientSecret = "secret" };
        var server = new AuthorizationServerMetadata(new Uri("https://as.example.com/"), new Uri("https://as.example.com/token"), ["client_secret_post"], null);

        var chosen = ClientAuthenticationSelector.Select(options, server, null, certificate: new ClientCertificate(certificate, []));

        Assert.Equal("client_secret_post", chosen.Method);
    }

    private static McpConnectionOptions CertificateOptions(Servers servers, X509Certificate2 certificate)
    {
        var options = servers.BaseOptions();
        options.ClientCertificate = certificate;
        options.ClientAuthentication = ClientAuthenticationMethod.SelfSignedTlsClientAuth;
        return options;
    }

    /// <summary>A token response whose token is bound to <paramref name="thumbprint"/>, said in the JWT or in the response.</summary>
    private static Func<HttpContext, Task> BoundTokenResponse(string thumbprint, string boundIn)
    {
        var confirmation = new Dictionary<string, string> { ["x5t#S256"] = thumbprint };
        if (boundIn == "response")
        {
            return Respond.Json(HttpStatusCode.OK, JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["access_token"] = "opaque-bound-token",
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["cnf"] = confirmation,
            }));
        }

        // The client reads the claim without validating the token, so any signature does.
        var jwt = string.Join('.', Segment(new { alg = "ES256", typ = "at+jwt" }), Segment(new { sub = ClientId, cnf = confirmation }), "c2lnbmF0dXJl");
        return Respond.Token(jwt);
    }

    private static string Segment(object value) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));

    /// <summary>An MCP server's metadata naming an authorization server whose metadata may list an mTLS alias.</summary>
    private sealed class Servers(LoopbackStub mcp, LoopbackStub auth) : IAsyncDisposable
    {
        public LoopbackStub Auth => auth;

        public static async Task<Servers> StartAsync(bool withAlias)
        {
            var mcp = await LoopbackStub.StartAsync();
            var auth = await LoopbackStub.StartAsync();
            mcp.Map(ResourceMetadataPath, Respond.Json(HttpStatusCode.OK, JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["resource"] = mcp.Url("/mcp").AbsoluteUri,
                ["authorization_servers"] = new[] { auth.BaseAddress.AbsoluteUri },
            })));
            var metadata = new Dictionary<string, object>
            {
                ["issuer"] = auth.BaseAddress.AbsoluteUri,
                ["token_endpoint"] = auth.Url(TokenPath).AbsoluteUri,
                ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "self_signed_tls_client_auth", "tls_client_auth" },
            };
            if (withAlias)
            {
                metadata["mtls_endpoint_aliases"] = new Dictionary<string, string> { ["token_endpoint"] = auth.Url(MtlsTokenPath).AbsoluteUri };
            }

            auth.Map(MetadataPath, Respond.Json(HttpStatusCode.OK, JsonSerializer.Serialize(metadata)));
            auth.Map(TokenPath, Respond.Token());
            auth.Map(MtlsTokenPath, Respond.Token());
            return new Servers(mcp, auth);
        }

        /// <summary>The endpoint and client, naming the authorization server the credentials belong to.</summary>
        public McpConnectionOptions BaseOptions() =>
            new() { Endpoint = mcp.Url("/mcp"), ClientId = ClientId, AuthorizationServer = auth.BaseAddress };

        public TokenEngine Engine(McpConnectionOptions options) => new(options, new FakeClock());

        public async ValueTask DisposeAsync()
        {
            await mcp.DisposeAsync();
            await auth.DisposeAsync();
        }
    }
}
