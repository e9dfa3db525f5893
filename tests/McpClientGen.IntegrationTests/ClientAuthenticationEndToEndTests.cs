using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// A generated client authenticating every way the runtime supports, against the real OpenIddict server, which
/// records the method each token request used.
/// </summary>
public sealed class ClientAuthenticationEndToEndTests
{
    [Theory]
    [InlineData(ClientAuthenticationMethod.ClientSecretBasic, "client_secret_basic")]
    [InlineData(ClientAuthenticationMethod.ClientSecretPost, "client_secret_post")]
    [InlineData(ClientAuthenticationMethod.Auto, "client_secret_basic")]
    public async Task A_client_secret_authenticates(ClientAuthenticationMethod method, string sentAs)
    {
        await using var stack = await DemoStack.StartAsync();
        var options = stack.ClientOptions();
        options.ClientAuthentication = method;

        await CallAsync(options);

        Assert.Equal(sentAs, Assert.Single(stack.TokenRequests).AuthenticationMethod);
    }

    /// <summary>Key form, the SigningAlgorithm option (null: the key's default), and the algorithm the assertion must carry.</summary>
    public static TheoryData<string, string?, string> SigningKeys() => new()
    {
        { "ES256, PKCS#8 PEM", null, "ES256" },
        { "ES256, SEC1 PEM", null, "ES256" },
        { "ES256, private JWK", null, "ES256" },
        { "RS256, PKCS#1 PEM", null, "RS256" },
        { "PS256, PKCS#8 PEM", "PS256", "PS256" },
        { "RS256, private JWK", null, "RS256" },
        { "PS256, X.509 certificate", "PS256", "PS256" },
        { "RS256, X.509 certificate", null, "RS256" },
    };

    [Theory]
    [MemberData(nameof(SigningKeys))]
    public async Task A_private_key_jwt_assertion_authenticates(string key, string? algorithm, string signedWith)
    {
        await using var stack = await DemoStack.StartAsync();
        // The token request goes through a proxy that records it, so the test sees the assertion the server verified.
        // With the token endpoint configured the issuer is not discovered, so the audience is set to it explicitly.
        await using var proxy = await TokenEndpointProxy.StartAsync(stack);
        var (client, options) = JwtOptions(stack, key);
        options.SigningAlgorithm = algorithm;
        options.TokenEndpoint = proxy.TokenEndpoint;
        options.AssertionAudience = AssertionAudience.Custom;
        options.CustomAssertionAudience = stack.Issuer.AbsoluteUri;

        await CallAsync(options);

        var request = Assert.Single(stack.TokenRequests);
        Assert.Equal("private_key_jwt", request.AuthenticationMethod);
        Assert.Equal(client.ClientId, request.ClientId);
        var assertion = new JsonWebToken(Assert.Single(proxy.Requests).Form["client_assertion"]);
        Assert.Equal(signedWith, assertion.Alg);
    }

    [Fact]
    public async Task An_assertion_addressed_to_an_audience_the_server_refuses_fails_with_advice()
    {
        await using var stack = await DemoStack.StartAsync();
        var (_, options) = JwtOptions(stack, "ES256, PKCS#8 PEM");

        // OpenIddict accepts only its issuer as the audience; Microsoft Entra ID wants the token endpoint.
        options.AssertionAudience = AssertionAudience.TokenEndpoint;
        var error = await Assert.ThrowsAsync<McpAuthenticationException>(() => CallAsync(options));

        Assert.NotNull(error.Error);
        Assert.Contains("AssertionAudience", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tool_needing_another_scope_steps_the_token_up_once()
    {
        await using var stack = await DemoStack.StartAsync();
        var options = stack.ClientOptions();
        options.Scopes = "demo.read";
        await using var client = DemoClient.Create(options);

        await client.GetWeatherAsync("Oslo");
        await client.CreateTicketAsync("Needs demo.write", priority: 2, urgent: false);
        await client.CreateTicketAsync("Already has it", priority: 2, urgent: false);

        Assert.Equal(1, stack.Mcp403Count);
        Assert.Equal(["demo.read", "demo.read demo.write"], stack.TokenRequests.Select(request => request.Scope));
    }

    [Fact]
    public async Task A_scope_the_authorization_server_will_not_grant_is_an_authorization_error_and_the_client_keeps_working()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        var error = await Assert.ThrowsAsync<McpAuthorizationException>(() => client.PurgeTicketsAsync());

        Assert.Contains("demo.admin", error.RequiredScopes, StringComparison.Ordinal);
        Assert.Equal("invalid_scope", Assert.IsType<McpAuthenticationException>(error.InnerException).Error);
        Assert.Equal(1, stack.Mcp403Count);
        // The token held before the refused step-up still serves the other tools; no new token is needed.
        Assert.Equal("Oslo", (await client.GetWeatherAsync("Oslo")).City);
        Assert.Equal(2, stack.TokenRequests.Count);
        Assert.False(stack.TokenRequests[^1].Succeeded);
    }

    [Fact]
    public async Task The_client_advertises_the_client_credentials_extension()
    {
        await using var stack = await DemoStack.StartAsync();
        await CallAsync(stack.ClientOptions());

        var capabilities = Assert.IsType<System.Text.Json.JsonElement>(stack.LastClientCapabilities);
        Assert.True(capabilities.GetProperty("extensions").TryGetProperty(McpConnection.ClientCredentialsExtension, out var settings));
        Assert.Equal(System.Text.Json.JsonValueKind.Object, settings.ValueKind);
    }

    private static async Task CallAsync(McpConnectionOptions options)
    {
        await using var client = DemoClient.Create(options);
        Assert.Equal("Oslo", (await client.GetWeatherAsync("Oslo")).City);
    }

    private static (DemoJwtClient Client, McpConnectionOptions Options) JwtOptions(DemoStack stack, string key)
    {
        var client = key.StartsWith("ES", StringComparison.Ordinal) ? stack.JwtClients.Es256
            : key.Contains("certificate", StringComparison.Ordinal) ? stack.JwtClients.Certificate
            : stack.JwtClients.Rs256;
        var options = new McpConnectionOptions { Endpoint = stack.McpEndpoint, ClientId = client.ClientId, AuthorizationServer = stack.Issuer };
        switch (key[(key.IndexOf(", ", StringComparison.Ordinal) + 2)..])
        {
            case "SEC1 PEM":
                options.PrivateKey = client.Sec1PrivateKeyPem;
                break;
            case "PKCS#1 PEM":
                options.PrivateKey = client.Pkcs1PrivateKeyPem;
                break;
            case "private JWK":
                options.PrivateKey = client.PrivateJwk;
                break;
            case "X.509 certificate":
                options.SigningCertificate = client.Certificate;
                break;
            default:
                options.PrivateKey = client.PrivateKeyPem;
                break;
        }

        return (client, options);
    }
}
