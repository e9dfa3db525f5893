using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests.Support;
using McpClientGen.Testing;
using McpClientGen.Tests.Support;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// Credentials go only to the authorization server they belong to: the one the configuration names, or, by opt-in,
/// the first one discovered, pinned for the connection (SEP-2352). The real MCP server is made to name an impostor in
/// its protected-resource metadata (<see cref="DemoStack.AdvertiseAuthorizationServers"/>), as a compromised server
/// collecting secrets or a server that moved would; the impostor is a <see cref="StubAuthorizationServer"/> that would
/// grant any token request, and it must receive nothing, for every client authentication method. The authorization
/// server the credentials belong to is the real OpenIddict one.
/// </summary>
public sealed class AuthorizationServerBindingTests
{
    private const int AuthorizationServerPinned = 130;

    private static readonly ClientAuthenticationMethod[] AllMethods =
    [
        ClientAuthenticationMethod.ClientSecretBasic,
        ClientAuthenticationMethod.ClientSecretPost,
        ClientAuthenticationMethod.PrivateKeyJwt,
        ClientAuthenticationMethod.PlatformAssertion,
    ];

    public static TheoryData<ClientAuthenticationMethod> Methods() => new(AllMethods);

    /// <summary>Each method, with the server trusted by opt-in (pinned when discovered) or named in the configuration.</summary>
    public static TheoryData<ClientAuthenticationMethod, bool> MethodsAndHowTheServerIsTrusted()
    {
        var data = new TheoryData<ClientAuthenticationMethod, bool>();
        foreach (var method in AllMethods)
        {
            data.Add(method, true);
            data.Add(method, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task A_resource_naming_another_server_than_the_configured_one_gets_the_credentials_sent_nowhere(ClientAuthenticationMethod method)
    {
        await using var stack = await DemoStack.StartAsync();
        await using var impostor = await StubAuthorizationServer.StartAsync();
        stack.AdvertiseAuthorizationServers(impostor.BaseAddress);
        await using var client = DemoClient.Create(Options(stack, method));

        var thrown = await Record.ExceptionAsync(() => client.GetWeatherAsync("Oslo"));

        AssertNothingReceived(impostor, stack);
        var error = Assert.IsType<McpUntrustedAuthorizationServerException>(thrown);
        Assert.Equal(stack.Issuer, error.TrustedIssuer);
        Assert.Equal([impostor.BaseAddress], error.AdvertisedIssuers);
        Assert.Contains($"names the authorization server '{impostor.BaseAddress}', not '{stack.Issuer}', the one AuthorizationServer names", error.Message, StringComparison.Ordinal);
        Assert.Empty(stack.TokenRequests);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Without_a_named_server_or_the_opt_in_a_resource_naming_one_gets_no_credentials_and_the_error_says_what_to_set(
        ClientAuthenticationMethod method)
    {
        await using var stack = await DemoStack.StartAsync();
        await using var impostor = await StubAuthorizationServer.StartAsync();
        stack.AdvertiseAuthorizationServers(impostor.BaseAddress);
        var options = Options(stack, method);
        options.AuthorizationServer = null;
        await using var client = DemoClient.Create(options);

        var thrown = await Record.ExceptionAsync(() => client.GetWeatherAsync("Oslo"));

        AssertNothingReceived(impostor, stack);
        var error = Assert.IsType<McpUntrustedAuthorizationServerException>(thrown);
        Assert.Null(error.TrustedIssuer);
        Assert.Equal([impostor.BaseAddress], error.AdvertisedIssuers);
        Assert.Contains($"If you trust it, set AuthorizationServer to '{impostor.BaseAddress}' (or TokenEndpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("or set TrustDiscoveredAuthorizationServer to true", error.Message, StringComparison.Ordinal);
        Assert.Empty(Secrets(stack).FindIn([("the error", error.ToString())]));
        Assert.Empty(stack.TokenRequests);
    }

    [Fact]
    public async Task A_resource_naming_another_server_gets_no_JWT_bearer_grant()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var impostor = await StubAuthorizationServer.StartAsync();
        stack.AdvertiseAuthorizationServers(impostor.BaseAddress);
        await using var client = DemoClient.Create(new McpConnectionOptions
        {
            Endpoint = stack.McpEndpoint,
            AuthorizationServer = stack.Issuer,
            GrantType = TokenGrantType.JwtBearer,
            PlatformTokenProvider = _ => ValueTask.FromResult(stack.Platform.IssueToken()),
        });

        var thrown = await Record.ExceptionAsync(() => client.GetWeatherAsync("Oslo"));

        AssertNothingReceived(impostor, stack);
        Assert.IsType<McpUntrustedAuthorizationServerException>(thrown);
        Assert.Empty(stack.Platform.ReceivedTokenIds);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_resource_naming_another_server_never_sees_the_client_certificate(bool pki)
    {
        await using var stack = await DemoStack.StartAsync(new DemoStackOptions { MutualTls = true });
        await using var impostor = await StubAuthorizationServer.StartAsync();
        stack.AdvertiseAuthorizationServers(impostor.BaseAddress);
        await using var client = DemoClient.Create(stack.MutualTlsOptions(pki ? stack.MutualTls!.Pki : stack.MutualTls!.SelfSigned));

        var thrown = await Record.ExceptionAsync(() => client.GetWeatherAsync("Oslo"));

        AssertNothingReceived(impostor, stack);
        Assert.IsType<McpUntrustedAuthorizationServerException>(thrown);
        Assert.Empty(stack.TokenRequests);
    }

    [Fact]
    public async Task The_issuer_the_default_error_names_is_the_one_to_configure()
    {
        await using var stack = await DemoStack.StartAsync();
        var options = stack.ClientOptions();
        options.AuthorizationServer = null;
        await using var refused = DemoClient.Create(options);
        var error = await Assert.ThrowsAsync<McpUntrustedAuthorizationServerException>(() => refused.GetWeatherAsync("Oslo"));
        Assert.Contains($"set AuthorizationServer to '{stack.Issuer}'", error.Message, StringComparison.Ordinal);

        options.AuthorizationServer = Assert.Single(error.AdvertisedIssuers);
        await using var client = DemoClient.Create(options);

        Assert.Equal("Oslo", (await client.GetWeatherAsync("Oslo")).City);
        Assert.Equal(1, stack.TokenRequestCount);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task With_the_opt_in_the_discovered_server_is_trusted_and_pinned(ClientAuthenticationMethod method)
    {
        await using var stack = await DemoStack.StartAsync();
        var options = Trusting(Options(stack, method));
        var log = new LogCapture();
        await using var client = DemoClient.Create(options, loggerFactory: log.CreateFactory());

        await client.GetWeatherAsync("Oslo");
        await client.GetWeatherAsync("Bergen");

        var request = Assert.Single(stack.TokenRequests);
        Assert.True(request.Succeeded);
        Assert.Equal(options.ClientId, request.ClientId);
        var pinned = Assert.Single(log.Entries, entry => entry.EventId.Id == AuthorizationServerPinned);
        Assert.Contains(stack.Issuer.AbsoluteUri, pinned.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MethodsAndHowTheServerIsTrusted))]
    public async Task A_server_that_moves_to_another_authorization_server_is_refused_and_the_new_one_gets_nothing(
        ClientAuthenticationMethod method, bool pinnedByOptIn)
    {
        await using var stack = await DemoStack.StartAsync();
        await using var impostor = await StubAuthorizationServer.StartAsync();
        var options = pinnedByOptIn ? Trusting(Options(stack, method)) : Options(stack, method);
        await using var client = DemoClient.Create(options);
        await client.GetWeatherAsync("Oslo");

        // The server now names another authorization server and rejects the tokens of the old one.
        stack.AdvertiseAuthorizationServers(impostor.BaseAddress);
        stack.RevokeIssuedTokens();
        var thrown = await Record.ExceptionAsync(() => client.GetWeatherAsync("Oslo"));
        var thrownAgain = await Record.ExceptionAsync(() => client.GetWeatherAsync("Oslo"));

        AssertNothingReceived(impostor, stack);
        var error = Assert.IsType<McpUntrustedAuthorizationServerException>(thrown);
        var again = Assert.IsType<McpUntrustedAuthorizationServerException>(thrownAgain);
        Assert.Equal(stack.Issuer, error.TrustedIssuer);
        Assert.Equal([impostor.BaseAddress], error.AdvertisedIssuers);
        Assert.Contains(stack.Issuer.AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Contains(impostor.BaseAddress.AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, again.Message);
        // Nothing was requested after the move, from either server: the refusal comes before the token request.
        Assert.Equal(1, stack.TokenRequestCount);
        Assert.Single(stack.TokenRequests);
    }

    [Fact]
    public async Task A_pinned_server_stays_in_use_while_the_resource_still_lists_it()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var impostor = await StubAuthorizationServer.StartAsync();
        await using var client = DemoClient.Create(Trusting(stack.ClientOptions()));
        await client.GetWeatherAsync("Oslo");

        stack.AdvertiseAuthorizationServers(impostor.BaseAddress, stack.Issuer);
        stack.RevokeIssuedTokens();

        Assert.Equal("Oslo", (await client.GetWeatherAsync("Oslo")).City);
        Assert.Equal(2, stack.TokenRequestCount);
        AssertNothingReceived(impostor, stack);
    }

    /// <summary>The demo stack's client for <paramref name="method"/>, naming the demo authorization server.</summary>
    private static McpConnectionOptions Options(DemoStack stack, ClientAuthenticationMethod method)
    {
        var options = stack.ClientOptions();
        options.ClientAuthentication = method;
        if (method == ClientAuthenticationMethod.PrivateKeyJwt)
        {
            options.ClientId = stack.JwtClients.Es256.ClientId;
            options.ClientSecret = null;
            options.PrivateKey = stack.JwtClients.Es256.PrivateKeyPem;
        }
        else if (method == ClientAuthenticationMethod.PlatformAssertion)
        {
            // The workload's platform token names the real authorization server as its audience: an impostor that got it
            // could replay it there, so it is a credential like any other.
            options.ClientId = DemoStack.FederatedClientId;
            options.ClientSecret = null;
            options.PlatformTokenProvider = _ => ValueTask.FromResult(stack.Platform.IssueToken());
        }

        return options;
    }

    /// <summary>Names no authorization server and trusts the one discovered instead.</summary>
    private static McpConnectionOptions Trusting(McpConnectionOptions options)
    {
        options.AuthorizationServer = null;
        options.TrustDiscoveredAuthorizationServer = true;
        return options;
    }

    /// <summary>Every credential of the demo stack's clients, and anything shaped like a JWT (an assertion).</summary>
    private static SecretForms Secrets(DemoStack stack) =>
        new SecretForms().AddClientSecret(stack.ClientId, stack.ClientSecret).AddPrivateKey(stack.JwtClients.Es256.PrivateKeyPem);

    /// <summary>No credential in any header or form field the impostor received, and indeed no request at all.</summary>
    private static void AssertNothingReceived(LoopbackStub impostor, DemoStack stack)
    {
        var received = impostor.Requests.SelectMany(request =>
            request.Headers.Select(header => ($"{request.Method} {request.Path}, header {header.Key}", header.Value))
                .Concat(request.Form.Select(field => ($"{request.Method} {request.Path}, form field {field.Key}", field.Value))));
        var findings = Secrets(stack).FindIn(received);
        Assert.True(findings.Count == 0, "The impostor received credentials:\n" + string.Join("\n", findings));
        Assert.Empty(impostor.Requests);
    }
}
