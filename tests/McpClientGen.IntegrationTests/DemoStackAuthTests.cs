using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// The demo stack's client authentication methods, scope step-up and capability recording, checked with plain HTTP
/// and hand-built client assertions, so that the client runtime's tests can rely on them.
/// </summary>
public sealed class DemoStackAuthTests
{
    [Fact]
    public async Task Secret_client_authenticates_with_basic_and_with_post_and_both_are_logged()
    {
        await using var stack = await DemoStack.StartAsync();

        using var basic = await DemoStackHttp.RequestTokenAsync(stack, stack.ClientSecret);
        using var post = await DemoStackAuthHttp.PostTokenRequestAsync(
            stack, ("client_id", stack.ClientId), ("client_secret", stack.ClientSecret), ("scope", "demo.read"));

        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(
            [
                new DemoTokenRequest("demo-client", "client_secret_basic", null, null),
                new DemoTokenRequest("demo-client", "client_secret_post", "demo.read", null),
            ],
            stack.TokenRequests);
        Assert.Equal(2, stack.TokenRequestCountFor("demo-client"));
    }

    [Fact]
    public async Task The_post_only_client_is_refused_with_basic_as_invalid_client_and_accepted_with_post()
    {
        await using var stack = await DemoStack.StartAsync();

        using var basic = await DemoStackHttp.RequestTokenAsAsync(stack, stack.PostOnlyClientId, stack.PostOnlyClientSecret);
        using var post = await DemoStackAuthHttp.PostTokenRequestAsync(
            stack, ("client_id", stack.PostOnlyClientId), ("client_secret", stack.PostOnlyClientSecret));

        Assert.Equal(HttpStatusCode.Unauthorized, basic.StatusCode);
        using (var error = await DemoStackHttp.ReadJsonAsync(basic))
        {
            Assert.Equal("invalid_client", error.RootElement.GetProperty("error").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(
            [
                new DemoTokenRequest("demo-post-client", "client_secret_basic", null, "invalid_client"),
                new DemoTokenRequest("demo-post-client", "client_secret_post", null, null),
            ],
            stack.TokenRequests);
    }

    [Fact]
    public async Task An_unknown_client_is_refused_as_invalid_client_before_the_registered_method_is_looked_up()
    {
        await using var stack = await DemoStack.StartAsync();

        using var response = await DemoStackHttp.RequestTokenAsAsync(stack, "no-such-client", "any-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(new DemoTokenRequest("no-such-client", "client_secret_basic", null, "invalid_client"), Assert.Single(stack.TokenRequests));
    }

    [Fact]
    public async Task Metadata_advertises_the_authentication_methods_and_assertion_algorithms()
    {
        await using var stack = await DemoStack.StartAsync();

        using var metadata = await DemoStackHttp.GetJsonAsync(new Uri(stack.Issuer, ".well-known/oauth-authorization-server"));

        Assert.Equal(
            ["client_secret_basic", "client_secret_post", "private_key_jwt"],
            DemoStackHttp.Strings(metadata.RootElement.GetProperty("token_endpoint_auth_methods_supported")).Order());
        Assert.Equal(
            ["ES256", "RS256", "PS256"],
            DemoStackHttp.Strings(metadata.RootElement.GetProperty("token_endpoint_auth_signing_alg_values_supported")));
        Assert.Contains("demo.admin", DemoStackHttp.Strings(metadata.RootElement.GetProperty("scopes_supported")));
    }

    [Theory]
    [InlineData("demo-jwt-es256", "ES256")]
    [InlineData("demo-jwt-rs256", "RS256")]
    [InlineData("demo-jwt-rs256", "PS256")]
    [InlineData("demo-jwt-cert", "RS256")]
    [InlineData("demo-jwt-cert", "PS256")]
    public async Task Client_assertion_signed_with_the_registered_key_gets_a_token(string clientId, string algorithm)
    {
        await using var stack = await DemoStack.StartAsync();
        var client = stack.JwtClients.All.Single(c => c.ClientId == clientId);

        var assertion = DemoStackAuthHttp.CreateAssertion(stack, client, algorithm);
        using var response = await DemoStackAuthHttp.PostAssertionAsync(stack, assertion, ("scope", "demo.read"));
        using var body = await DemoStackHttp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var claims = DemoStackHttp.ReadJwtPayload(body.RootElement.GetProperty("access_token").GetString()!);
        Assert.Equal(clientId, claims.RootElement.GetProperty("client_id").GetString());
        Assert.Equal(stack.McpEndpoint.AbsoluteUri, claims.RootElement.GetProperty("aud").GetString());
        Assert.Equal(new DemoTokenRequest(clientId, "private_key_jwt", "demo.read", null), Assert.Single(stack.TokenRequests));
        Assert.Equal(1, stack.TokenRequestCountFor(clientId));
        Assert.Equal(0, stack.TokenRequestCountFor(stack.ClientId));
    }

    [Fact]
    public async Task Certificate_assertion_names_the_certificate_in_its_header()
    {
        await using var stack = await DemoStack.StartAsync();
        var client = stack.JwtClients.Certificate;

        var assertion = DemoStackAuthHttp.CreateAssertion(stack, client, "PS256");
        using var response = await DemoStackAuthHttp.PostAssertionAsync(stack, assertion);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var header = new JsonWebToken(assertion);
        Assert.Equal(client.KeyId, header.Kid);
        Assert.True(header.TryGetHeaderValue<string>("x5t#S256", out var thumbprint));
        Assert.Equal(Base64UrlEncoder.Encode(client.Certificate!.GetCertHash(HashAlgorithmName.SHA256)), thumbprint);
        Assert.Equal(client.KeyId, thumbprint);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Assertion_audience_is_the_issuer_with_or_without_trailing_slash(bool trailingSlash)
    {
        await using var stack = await DemoStack.StartAsync();
        var audience = trailingSlash ? stack.Issuer.AbsoluteUri : stack.Issuer.AbsoluteUri.TrimEnd('/');

        var assertion = DemoStackAuthHttp.CreateAssertion(stack, stack.JwtClients.Es256, "ES256", audience);
        using var response = await DemoStackAuthHttp.PostAssertionAsync(stack, assertion);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Assertion_for_the_token_endpoint_is_rejected_as_for_another_audience()
    {
        await using var stack = await DemoStack.StartAsync();

        var assertion = DemoStackAuthHttp.CreateAssertion(
            stack, stack.JwtClients.Es256, "ES256", audience: stack.TokenEndpoint.AbsoluteUri);
        using var response = await DemoStackAuthHttp.PostAssertionAsync(stack, assertion);
        using var body = await DemoStackHttp.ReadJsonAsync(response);

        // OpenIddict 7.8 accepts only its issuer as audience, and says so with a token error, not invalid_client.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_token", body.RootElement.GetProperty("error").GetString());
        Assert.Equal(
            "The specified token doesn't contain any valid audience, which may indicate that it was issued to be used with another application.",
            body.RootElement.GetProperty("error_description").GetString());
        Assert.Equal("https://documentation.openiddict.com/errors/ID2094", body.RootElement.GetProperty("error_uri").GetString());
        Assert.Equal(0, stack.TokenRequestCountFor("demo-jwt-es256"));
    }

    [Theory]
    [InlineData("JWT")]
    [InlineData("at+jwt")]
    public async Task Assertion_must_be_typed_client_authentication_jwt(string type)
    {
        await using var stack = await DemoStack.StartAsync();

        var assertion = DemoStackAuthHttp.CreateAssertion(stack, stack.JwtClients.Es256, "ES256", type: type);
        using var response = await DemoStackAuthHttp.PostAssertionAsync(stack, assertion);
        using var body = await DemoStackHttp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", body.RootElement.GetProperty("error").GetString());
        Assert.Equal("The specified token is not of the expected type.", body.RootElement.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Assertion_signed_with_another_clients_key_is_rejected()
    {
        await using var stack = await DemoStack.StartAsync();

        // The RS256 client's claims, signed with the certificate client's key.
        var assertion = DemoStackAuthHttp.CreateAssertion(
            stack, stack.JwtClients.Rs256, "RS256", signingKey: new RsaSecurityKey(stack.JwtClients.Certificate.RsaKey!));
        using var response = await DemoStackAuthHttp.PostAssertionAsync(stack, assertion);
        using var body = await DemoStackHttp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", body.RootElement.GetProperty("error").GetString());
        Assert.Equal("The signing key associated to the specified token was not found.", body.RootElement.GetProperty("error_description").GetString());
        // Without a client_id parameter the client is known only from a verified assertion.
        Assert.Equal(new DemoTokenRequest(null, "private_key_jwt", null, "invalid_client"), Assert.Single(stack.TokenRequests));
    }

    [Fact]
    public async Task Every_key_encoding_holds_the_registered_key()
    {
        await using var stack = await DemoStack.StartAsync();
        var (es256, rs256, certificate) = (stack.JwtClients.Es256, stack.JwtClients.Rs256, stack.JwtClients.Certificate);

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", es256.PrivateKeyPem, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN EC PRIVATE KEY-----", es256.Sec1PrivateKeyPem, StringComparison.Ordinal);
        Assert.Null(es256.Pkcs1PrivateKeyPem);
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", rs256.Pkcs1PrivateKeyPem, StringComparison.Ordinal);
        Assert.Null(rs256.Sec1PrivateKeyPem);
        Assert.Null(rs256.Certificate);

        foreach (var pem in new[] { es256.PrivateKeyPem, es256.Sec1PrivateKeyPem! })
        {
            using var imported = ECDsa.Create();
            imported.ImportFromPem(pem);
            Assert.Equal(es256.EcKey!.ExportSubjectPublicKeyInfo(), imported.ExportSubjectPublicKeyInfo());
        }

        foreach (var client in new[] { rs256, certificate })
        {
            foreach (var pem in new[] { client.PrivateKeyPem, client.Pkcs1PrivateKeyPem! })
            {
                using var imported = RSA.Create();
                imported.ImportFromPem(pem);
                Assert.Equal(client.RsaKey!.ExportSubjectPublicKeyInfo(), imported.ExportSubjectPublicKeyInfo());
            }
        }

        Assert.True(certificate.Certificate!.HasPrivateKey);
        Assert.Equal(certificate.RsaKey!.ExportSubjectPublicKeyInfo(), certificate.Certificate.PublicKey.ExportSubjectPublicKeyInfo());
        Assert.NotEqual(rs256.RsaKey!.ExportSubjectPublicKeyInfo(), certificate.RsaKey.ExportSubjectPublicKeyInfo());

        // A private JWK signs an assertion the server accepts, and names the same kid as the registered public JWK.
        foreach (var client in stack.JwtClients.All)
        {
            var jwk = JsonWebKey.Create(client.PrivateJwk);
            Assert.Equal(client.KeyId, jwk.Kid);
            Assert.Equal(client.KeyId, JsonWebKey.Create(client.PublicJwk).Kid);
            Assert.False(JsonWebKey.Create(client.PublicJwk).HasPrivateKey);
            var assertion = DemoStackAuthHttp.CreateAssertion(stack, client, client.SigningAlgorithms[0], signingKey: jwk);
            using var response = await DemoStackAuthHttp.PostAssertionAsync(stack, assertion);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task ToString_of_the_jwt_clients_reveals_no_key()
    {
        await using var stack = await DemoStack.StartAsync();

        foreach (var client in stack.JwtClients.All)
        {
            var text = client.ToString();
            Assert.Contains(client.ClientId, text, StringComparison.Ordinal);
            Assert.DoesNotContain("PRIVATE", text, StringComparison.Ordinal);
            Assert.DoesNotContain(JsonWebKey.Create(client.PrivateJwk).D, text, StringComparison.Ordinal);
            Assert.DoesNotContain("PRIVATE", stack.JwtClients.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Create_ticket_without_demo_write_gets_a_403_scope_challenge()
    {
        await using var stack = await DemoStack.StartAsync();
        var readOnly = await DemoStackAuthHttp.GetAccessTokenAsync(stack, "demo.read");

        using var response = await DemoStackAuthHttp.CallToolAsync(stack, readOnly, "create_ticket", """{"title":"Printer on fire","priority":5,"urgent":true}""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal(
            $"error=\"insufficient_scope\", scope=\"demo.read demo.write\", resource_metadata=\"{stack.ResourceMetadataUrl}\", "
            + "error_description=\"This tool needs the scope demo.write.\"",
            challenge.Parameter);
        Assert.Equal(DemoStackHttp.ResourceMetadataUrl(stack), stack.ResourceMetadataUrl);
        Assert.Equal(1, stack.Mcp403Count);
        Assert.Equal(0, stack.Mcp401Count);
    }

    [Fact]
    public async Task Read_only_token_calls_other_tools_and_a_stepped_up_token_creates_the_ticket()
    {
        await using var stack = await DemoStack.StartAsync();
        var readOnly = await DemoStackAuthHttp.GetAccessTokenAsync(stack, "demo.read");
        var readWrite = await DemoStackAuthHttp.GetAccessTokenAsync(stack, "demo.read demo.write");

        using var divide = await DemoStackAuthHttp.CallToolAsync(stack, readOnly, "divide", """{"dividend":7,"divisor":2}""");
        using var ticket = await DemoStackAuthHttp.CallToolAsync(stack, readWrite, "create_ticket", """{"title":"Printer on fire","priority":5,"urgent":true}""");

        Assert.Equal(HttpStatusCode.OK, divide.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ticket.StatusCode);
        Assert.Contains("Created ticket T-1001: Printer on fire", await ticket.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, stack.Mcp403Count);
    }

    [Fact]
    public async Task Purge_tickets_asks_for_demo_admin_which_the_authorization_server_refuses()
    {
        await using var stack = await DemoStack.StartAsync();
        var readWrite = await DemoStackAuthHttp.GetAccessTokenAsync(stack, "demo.read demo.write");

        using var call = await DemoStackAuthHttp.CallToolAsync(stack, readWrite, "purge_tickets", "{}");
        var challenge = Assert.Single(call.Headers.WwwAuthenticate).Parameter;
        using var stepUp = await DemoStackHttp.RequestTokenAsync(stack, stack.ClientSecret, ("scope", "demo.read demo.write demo.admin"));
        using var refusal = await DemoStackHttp.ReadJsonAsync(stepUp);

        Assert.Equal(HttpStatusCode.Forbidden, call.StatusCode);
        Assert.StartsWith("error=\"insufficient_scope\", scope=\"demo.read demo.write demo.admin\", ", challenge, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, stepUp.StatusCode);
        Assert.Equal("invalid_scope", refusal.RootElement.GetProperty("error").GetString());
        Assert.Equal(
            new DemoTokenRequest("demo-client", "client_secret_basic", "demo.read demo.write demo.admin", "invalid_scope"),
            stack.TokenRequests[^1]);
        Assert.Equal(1, stack.TokenRequestCountFor("demo-client"));
    }

    [Fact]
    public async Task Jwt_clients_are_permitted_demo_read_and_demo_write_but_not_demo_admin()
    {
        await using var stack = await DemoStack.StartAsync();

        foreach (var client in stack.JwtClients.All)
        {
            using var permitted = await DemoStackAuthHttp.PostAssertionAsync(
                stack, DemoStackAuthHttp.CreateAssertion(stack, client, client.SigningAlgorithms[^1]), ("scope", "demo.read demo.write"));
            using var refused = await DemoStackAuthHttp.PostAssertionAsync(
                stack, DemoStackAuthHttp.CreateAssertion(stack, client, client.SigningAlgorithms[^1]), ("scope", "demo.admin"));
            using var refusal = await DemoStackHttp.ReadJsonAsync(refused);

            Assert.Equal(HttpStatusCode.OK, permitted.StatusCode);
            Assert.Equal("invalid_scope", refusal.RootElement.GetProperty("error").GetString());
        }
    }

    [Theory]
    [InlineData(null)] // server/discover, then capabilities in each request's _meta (protocol 2026-07-28).
    [InlineData("2025-11-25")] // The initialize handshake.
    public async Task Client_capabilities_are_recorded_as_sent(string? protocolVersion)
    {
        await using var stack = await DemoStack.StartAsync();
        Assert.Null(stack.LastClientCapabilities);
        var accessToken = await DemoStackHttp.GetAccessTokenAsync(stack);
        using var http = new HttpClient(new BearerTokenHandler(accessToken));
        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = stack.McpEndpoint }, http);
        var options = new McpClientOptions
        {
            ProtocolVersion = protocolVersion,
            Capabilities = new ClientCapabilities
            {
                Extensions = new Dictionary<string, object>
                {
                    ["io.modelcontextprotocol/oauth-client-credentials"] = JsonDocument.Parse("{}").RootElement,
                },
            },
        };

        await using (var client = await McpClient.CreateAsync(transport, options))
        {
            await client.ListToolsAsync();
        }

        var capabilities = stack.LastClientCapabilities;
        Assert.NotNull(capabilities);
        var extension = capabilities.Value.GetProperty("extensions").GetProperty("io.modelcontextprotocol/oauth-client-credentials");
        Assert.Equal(JsonValueKind.Object, extension.ValueKind);
    }

    [Fact]
    public async Task Rejected_requests_do_not_count_as_declared_capabilities()
    {
        await using var stack = await DemoStack.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, stack.McpEndpoint)
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{"roots":{}},"clientInfo":{"name":"t","version":"1"}}}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await new HttpClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(stack.LastClientCapabilities);
    }

    private sealed class BearerTokenHandler(string accessToken) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>Client assertions and raw MCP calls built by hand, with no OAuth library but IdentityModel's JWT writer.</summary>
internal static class DemoStackAuthHttp
{
    public const string JwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private static readonly HttpClient Http = new();

    /// <summary>
    /// An RFC 7523 §2.2 client assertion as OpenIddict 7.8 wants it: <c>typ</c> <c>client-authentication+jwt</c>,
    /// <c>iss</c> = <c>sub</c> = client id, <c>aud</c> = the issuer, <c>exp</c> five minutes out, a fresh <c>jti</c>;
    /// the certificate client's header also carries <c>x5t#S256</c>.
    /// </summary>
    public static string CreateAssertion(
        DemoStack stack,
        DemoJwtClient client,
        string algorithm,
        string? audience = null,
        string type = "client-authentication+jwt",
        SecurityKey? signingKey = null)
    {
        signingKey ??= client.EcKey is { } ec
            ? new ECDsaSecurityKey(ec) { KeyId = client.KeyId }
            : new RsaSecurityKey(client.RsaKey!) { KeyId = client.KeyId };
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = client.ClientId,
            Audience = audience ?? stack.Issuer.AbsoluteUri,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = client.ClientId,
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            TokenType = type,
            SigningCredentials = new SigningCredentials(signingKey, algorithm),
        };
        if (client.Certificate is { } certificate)
        {
            descriptor.AdditionalHeaderClaims = new Dictionary<string, object>
            {
                ["x5t#S256"] = Base64UrlEncoder.Encode(certificate.GetCertHash(HashAlgorithmName.SHA256)),
            };
        }

        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A <c>client_credentials</c> request authenticated by <paramref name="assertion"/> (no <c>client_id</c>).</summary>
    public static Task<HttpResponseMessage> PostAssertionAsync(
        DemoStack stack, string assertion, params (string Name, string Value)[] parameters) =>
        PostTokenRequestAsync(stack, [("client_assertion_type", JwtBearerAssertionType), ("client_assertion", assertion), .. parameters]);

    /// <summary>A <c>client_credentials</c> request with exactly these form parameters besides the grant type.</summary>
    public static Task<HttpResponseMessage> PostTokenRequestAsync(DemoStack stack, params (string Name, string Value)[] parameters) =>
        Http.PostAsync(
            stack.TokenEndpoint,
            new FormUrlEncodedContent(
                [new("grant_type", "client_credentials"), .. parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value))]));

    /// <summary>An access token for the secret client with exactly <paramref name="scope"/>.</summary>
    public static async Task<string> GetAccessTokenAsync(DemoStack stack, string scope)
    {
        using var response = await DemoStackHttp.RequestTokenAsync(stack, stack.ClientSecret, ("scope", scope));
        response.EnsureSuccessStatusCode();
        using var body = await DemoStackHttp.ReadJsonAsync(response);
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A raw <c>tools/call</c> POST (stateless server, so no handshake is needed), to see status and challenge.</summary>
    public static async Task<HttpResponseMessage> CallToolAsync(DemoStack stack, string accessToken, string tool, string argumentsJson)
    {
        using var request = McpToolCallRequest.Create(stack.McpEndpoint, tool, argumentsJson);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await Http.SendAsync(request);
    }
}
