using System.Net;
using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests.Support;
using McpClientGen.Testing;
using McpClientGen.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// Client secrets, private keys, client assertions, platform tokens and access tokens never reach a log or an exception, in any
/// encoding (<see cref="SecretForms"/>). Every entry of every category, at Trace, of whole flows against the demo stack
/// is searched: calls, a scope step-up, a rejected token, refresh-ahead, retried token requests, refused credentials,
/// <c>Auto</c>'s fallback between the secret methods, a failed discovery, and the dependency-injection path with
/// <see cref="IHttpClientFactory"/>'s own logging. Token requests go through <see cref="TokenEndpointProxy"/>, which
/// records the tokens issued and the assertions sent, so the scan looks for exactly those (the fallback needs the
/// discovered metadata, so its tokens are found as anything JWT-shaped). Each test also checks that the SDK's
/// categories (and on the DI path <c>System.Net.Http.HttpClient.*</c>) were captured, so an empty log cannot pass for a
/// clean one.
/// </summary>
public sealed class SecretLogScanTests
{
    private const string SdkCategories = "ModelContextProtocol.";
    private const string HttpClientCategories = "System.Net.Http.HttpClient.";

    // AuthLog's event ids: the flows each test claims to run must show in the log.
    private const int CredentialFilesChanged = 105;
    private const int TokenReceived = 111;
    private const int TokenRequestFailed = 112;
    private const int RefreshingAhead = 113;
    private const int RetryingBackchannelRequest = 114;
    private const int TokenRejected = 120;
    private const int SteppingUp = 121;
    private const int SecretMethodFallback = 116;
    private const int AuthorizationServerPinned = 130;

    [Fact]
    public async Task Calls_a_scope_step_up_and_a_rejected_token_log_no_secret_and_no_token()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var proxy = await TokenEndpointProxy.StartAsync(stack);
        var log = new LogCapture();
        var options = proxy.ClientOptions();
        options.Scopes = "demo.read";

        await using (var client = DemoClient.Create(options, loggerFactory: log.CreateFactory()))
        {
            await client.GetWeatherAsync("Oslo");
            await client.CreateTicketAsync("Needs demo.write", priority: 2, urgent: false);
            stack.RevokeIssuedTokens();
            await client.GetWeatherAsync("Oslo");
        }

        AssertLogged(log, SteppingUp, TokenRejected);
        Assert.Equal(3, proxy.IssuedAccessTokens.Count);
        AssertNothingLeaked(log, Secrets(stack, proxy));
    }

    [Fact]
    public async Task Refresh_ahead_logs_no_secret_and_no_token()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var proxy = await TokenEndpointProxy.StartAsync(stack);
        var log = new LogCapture();
        var clock = new FakeClock();

        await using (var client = DemoClient.Create(proxy.ClientOptions(), clock, log.CreateFactory()))
        {
            await client.GetWeatherAsync("Oslo");

            // Past 80 % of the usable hour the next call is served the current token and starts the replacement.
            clock.Advance(TimeSpan.FromMinutes(50));
            await client.GetWeatherAsync("Oslo");
            await log.WaitForAsync(entry => entry.EventId.Id == TokenReceived, count: 2);
        }

        AssertLogged(log, RefreshingAhead);
        AssertNothingLeaked(log, Secrets(stack, proxy));
    }

    [Fact]
    public async Task Retried_token_requests_log_no_secret_and_no_token()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var proxy = await TokenEndpointProxy.StartAsync(stack);
        var log = new LogCapture();
        var clock = new FakeClock();
        var options = proxy.ClientOptions();
        proxy.Faults(TokenEndpointProxy.Unavailable, Respond.Status(HttpStatusCode.TooManyRequests, ("Retry-After", "2")));

        await using (var client = DemoClient.Create(options, clock, log.CreateFactory()))
        {
            await clock.CompleteAsync(client.GetWeatherAsync("Oslo"), timer => timer.DueTime != options.TokenRequestTimeout);
        }

        AssertLogged(log, RetryingBackchannelRequest);
        Assert.Equal(3, proxy.RequestCount);
        AssertNothingLeaked(log, Secrets(stack, proxy));
    }

    [Theory]
    [InlineData(ClientAuthenticationMethod.ClientSecretBasic)]
    [InlineData(ClientAuthenticationMethod.ClientSecretPost)]
    public async Task A_refused_secret_is_in_no_log_and_no_exception_in_any_encoding(ClientAuthenticationMethod method)
    {
        await using var stack = await DemoStack.StartAsync();
        await using var proxy = await TokenEndpointProxy.StartAsync(stack);
        var log = new LogCapture();
        var options = proxy.ClientOptions();
        options.ClientAuthentication = method;
        // Characters that every encoding changes, so a leak in any one of them has its own form to be found in.
        options.ClientSecret = "wrong +/=&%:é\"<" + stack.ClientSecret;

        await using var client = DemoClient.Create(options, loggerFactory: log.CreateFactory());
        var error = await Assert.ThrowsAsync<McpAuthenticationException>(() => client.GetWeatherAsync("Oslo"));

        Assert.Equal("invalid_client", error.Error);
        AssertLogged(log, TokenRequestFailed);
        var secrets = Secrets(stack, proxy).AddClientSecret(stack.ClientId, options.ClientSecret);
        AssertNothingLeaked(log, secrets, error);
    }

    [Fact]
    public async Task Auto_s_fallback_from_a_refused_secret_method_to_the_other_logs_no_secret_and_no_token()
    {
        await using var stack = await DemoStack.StartAsync();
        var log = new LogCapture();
        var options = PostOnlyOptions(stack, stack.PostOnlyClientSecret);

        await using (var client = DemoClient.Create(options, loggerFactory: log.CreateFactory()))
        {
            await client.GetWeatherAsync("Oslo");
        }

        AssertLogged(log, SecretMethodFallback, TokenReceived);
        Assert.Equal(["invalid_client", null], stack.TokenRequests.Select(request => request.Error));
        // The access token went straight from the demo server to the client: any JWT in a log is found by its "eyJ".
        AssertNothingLeaked(log, new SecretForms().AddClientSecret(stack.PostOnlyClientId, stack.PostOnlyClientSecret));
    }

    [Fact]
    public async Task A_secret_refused_with_both_secret_methods_is_in_no_log_and_no_exception_in_any_encoding()
    {
        await using var stack = await DemoStack.StartAsync();
        var log = new LogCapture();
        var options = PostOnlyOptions(stack, "wrong +/=&%:é\"<" + stack.PostOnlyClientSecret);

        await using var client = DemoClient.Create(options, loggerFactory: log.CreateFactory());
        var error = await Assert.ThrowsAsync<McpAuthenticationException>(() => client.GetWeatherAsync("Oslo"));

        Assert.Contains("both secret methods", error.Message, StringComparison.Ordinal);
        AssertLogged(log, TokenRequestFailed);
        Assert.Equal(2, stack.TokenRequests.Count);
        var secrets = new SecretForms()
            .AddClientSecret(stack.PostOnlyClientId, stack.PostOnlyClientSecret)
            .AddClientSecret(stack.PostOnlyClientId, options.ClientSecret!);
        AssertNothingLeaked(log, secrets, error);
    }

    [Fact]
    public async Task Private_keys_and_client_assertions_are_in_no_log_and_no_exception()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var proxy = await TokenEndpointProxy.StartAsync(stack);
        var log = new LogCapture();
        var jwtClient = stack.JwtClients.Es256;
        var options = new McpConnectionOptions
        {
            Endpoint = stack.McpEndpoint,
            ClientId = jwtClient.ClientId,
            PrivateKey = jwtClient.PrivateJwk,
            TokenEndpoint = proxy.TokenEndpoint,
            AssertionAudience = AssertionAudience.Custom,
            CustomAssertionAudience = stack.Issuer.AbsoluteUri,
        };

        await using (var client = DemoClient.Create(options, loggerFactory: log.CreateFactory()))
        {
            await client.GetWeatherAsync("Oslo");
        }

        // A key the server does not know for this client: the assertion is refused.
        options.PrivateKey = stack.JwtClients.Rs256.PrivateKeyPem;
        await using var refused = DemoClient.Create(options, loggerFactory: log.CreateFactory());
        var error = await Assert.ThrowsAsync<McpAuthenticationException>(() => refused.GetWeatherAsync("Oslo"));

        Assert.Equal(2, proxy.Requests.Count(request => request.Form.ContainsKey("client_assertion")));
        var secrets = Secrets(stack, proxy).AddPrivateKey(jwtClient.PrivateJwk).AddPrivateKey(jwtClient.PrivateKeyPem).AddPrivateKey(options.PrivateKey);
        AssertNothingLeaked(log, secrets, error);
    }

    [Fact]
    public async Task Secrets_and_keys_read_from_files_are_in_no_log_and_no_exception_through_a_rotation()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var proxy = await TokenEndpointProxy.StartAsync(stack);
        var log = new LogCapture();
        const string WrongSecret = "wrong +/=&%:é\"<file-secret-5d0a";
        using var secretFile = new MountedSecret(WrongSecret + "\n", layout: MountedSecret.Layout.Kubernetes);
        var secretOptions = proxy.ClientOptions();
        secretOptions.ClientSecret = null;
        secretOptions.ClientSecretFile = secretFile.Path;
        var jwtClient = stack.JwtClients.Es256;
        using var keyFile = new MountedSecret(stack.JwtClients.Rs256.PrivateKeyPem, "client-key", MountedSecret.Layout.Kubernetes);
        var keyOptions = new McpConnectionOptions
        {
            Endpoint = stack.McpEndpoint,
            ClientId = jwtClient.ClientId,
            PrivateKeyFile = keyFile.Path,
            TokenEndpoint = proxy.TokenEndpoint,
            AssertionAudience = AssertionAudience.Custom,
            CustomAssertionAudience = stack.Issuer.AbsoluteUri,
        };

        // Each file first holds what the server refuses, then the platform rotates it to what it accepts.
        await using var secretClient = DemoClient.Create(secretOptions, loggerFactory: log.CreateFactory());
        var secretRefused = await Assert.ThrowsAsync<McpAuthenticationException>(() => secretClient.GetWeatherAsync("Oslo"));
        secretFile.Write(stack.ClientSecret + "\n");
        await secretClient.GetWeatherAsync("Oslo");
        await using var keyClient = DemoClient.Create(keyOptions, loggerFactory: log.CreateFactory());
        var keyRefused = await Assert.ThrowsAsync<McpAuthenticationException>(() => keyClient.GetWeatherAsync("Oslo"));
        keyFile.Write(jwtClient.PrivateKeyPem);
        await keyClient.GetWeatherAsync("Oslo");

        AssertLogged(log, TokenRequestFailed, CredentialFilesChanged, TokenReceived);
        // The paths may be logged, and are: the message says which file changed.
        Assert.Contains(log.Texts, text => text.Text.Contains(secretFile.Path, StringComparison.Ordinal));
        var secrets = Secrets(stack, proxy)
            .AddClientSecret(stack.ClientId, WrongSecret)
            .AddPrivateKey(jwtClient.PrivateKeyPem)
            .AddPrivateKey(stack.JwtClients.Rs256.PrivateKeyPem);
        AssertNothingLeaked(log, secrets, secretRefused, keyRefused);
    }

    [Fact]
    public async Task Platform_tokens_are_in_no_log_and_no_exception()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var proxy = await TokenEndpointProxy.StartAsync(stack);
        var log = new LogCapture();
        var platformTokens = new List<string>();
        string Mint(DateTimeOffset? expiresAt = null, string? audience = null, string subject = DemoPlatformIssuer.WorkloadSubject)
        {
            var token = stack.Platform.IssueToken(expiresAt, audience, subject);
            platformTokens.Add(token);
            return token;
        }

        using var file = new PlatformTokenFile(Mint());
        var assertion = new McpConnectionOptions
        {
            Endpoint = stack.McpEndpoint, ClientId = DemoStack.FederatedClientId, PlatformTokenFile = file.Path, TokenEndpoint = proxy.TokenEndpoint,
        };
        // A new platform token for every token request, as a GitHub Actions OIDC callback gives.
        var grant = new McpConnectionOptions
        {
            Endpoint = stack.McpEndpoint, GrantType = TokenGrantType.JwtBearer, TokenEndpoint = proxy.TokenEndpoint,
            PlatformTokenProvider = _ => ValueTask.FromResult(Mint()),
        };
        await using (var client = DemoClient.Create(assertion, loggerFactory: log.CreateFactory()))
        await using (var workload = DemoClient.Create(grant, loggerFactory: log.CreateFactory()))
        {
            await client.GetWeatherAsync("Oslo");
            await workload.GetWeatherAsync("Oslo");
            stack.RevokeIssuedTokens();
            await workload.GetWeatherAsync("Oslo");
        }

        // Refused by the server as a grant and as a client assertion, and refused by the client itself once expired.
        var errors = new List<Exception>();
        foreach (var (options, token) in new[]
        {
            (grant, Mint(audience: "https://another-authorization-server.example/")),
            (assertion, Mint(subject: "system:serviceaccount:other:intruder")),
            (assertion, Mint(expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1))),
        })
        {
            // The token goes to both sources: the assertion client's file and the grant client's callback.
            file.Write(token);
            grant.PlatformTokenProvider = _ => ValueTask.FromResult(token);
            await using var refused = DemoClient.Create(options, loggerFactory: log.CreateFactory());
            errors.Add(await Assert.ThrowsAsync<McpAuthenticationException>(() => refused.GetWeatherAsync("Oslo")));
        }

        AssertLogged(log, TokenReceived, TokenRequestFailed);
        Assert.Equal(3 + 2, proxy.RequestCount);
        var secrets = Secrets(stack, proxy);
        foreach (var token in platformTokens)
        {
            secrets.AddToken("platform token", token);
        }

        AssertNothingLeaked(log, secrets, [.. errors]);
    }

    [Fact]
    public async Task A_failed_discovery_logs_no_secret()
    {
        await using var stack = await DemoStack.StartAsync();
        var log = new LogCapture();
        var options = stack.ClientOptions();
        options.AuthorizationServer = new Uri("http://127.0.0.1:9/not-listed");

        await using var client = DemoClient.Create(options, loggerFactory: log.CreateFactory());
        var error = await Assert.ThrowsAsync<McpUntrustedAuthorizationServerException>(() => client.GetWeatherAsync("Oslo"));

        Assert.Contains("not 'http://127.0.0.1:9/not-listed', the one AuthorizationServer names", error.Message, StringComparison.Ordinal);
        Assert.Contains(log.Entries, entry => entry.Category.StartsWith("McpClientGen", StringComparison.Ordinal));
        AssertNothingLeaked(log, new SecretForms().AddClientSecret(stack.ClientId, stack.ClientSecret), error);
    }

    [Fact]
    public async Task Pinning_the_discovered_server_and_refusing_the_one_it_moved_to_log_no_secret_and_no_token()
    {
        await using var stack = await DemoStack.StartAsync();
        var log = new LogCapture();
        var options = stack.ClientOptions();
        options.AuthorizationServer = null;
        options.TrustDiscoveredAuthorizationServer = true;

        await using var client = DemoClient.Create(options, loggerFactory: log.CreateFactory());
        await client.GetWeatherAsync("Oslo");
        stack.AdvertiseAuthorizationServers(new Uri("http://127.0.0.1:9/elsewhere"));
        stack.RevokeIssuedTokens();
        var error = await Assert.ThrowsAsync<McpUntrustedAuthorizationServerException>(() => client.GetWeatherAsync("Oslo"));

        AssertLogged(log, AuthorizationServerPinned, TokenRejected);
        var secrets = new SecretForms().AddClientSecret(stack.ClientId, stack.ClientSecret);
        AssertNothingLeaked(log, secrets, error);
    }

    [Fact]
    public async Task The_dependency_injection_path_logs_no_secret_and_no_token_in_any_category_HttpClient_included()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var proxy = await TokenEndpointProxy.StartAsync(stack);
        var log = new LogCapture();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Endpoint"] = stack.McpEndpoint.AbsoluteUri,
            ["ClientId"] = stack.ClientId,
            ["ClientSecret"] = stack.ClientSecret,
            ["TokenEndpoint"] = proxy.TokenEndpoint.AbsoluteUri,
            ["Scopes"] = "demo.read",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(log).SetMinimumLevel(LogLevel.Trace));
        services.AddMcpClient<IDemoClient, DemoClient>(configuration);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IDemoClient>();

        await client.GetWeatherAsync("Oslo");
        await client.CreateTicketAsync("Needs demo.write", priority: 2, urgent: false);
        stack.RevokeIssuedTokens();
        await client.GetWeatherAsync("Oslo");
        var refused = await Assert.ThrowsAsync<McpAuthorizationException>(() => client.PurgeTicketsAsync());

        AssertLogged(log, SteppingUp, TokenRejected, TokenRequestFailed);
        AssertNothingLeaked(log, Secrets(stack, proxy), refused);
        Assert.Contains(log.Categories, category => category.StartsWith(HttpClientCategories, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Certificate_private_keys_passwords_and_bound_tokens_are_in_no_log_and_no_exception()
    {
        await using var stack = await DemoStack.StartAsync(new DemoStackOptions { MutualTls = true });
        var client = stack.MutualTls!.SelfSigned;
        using var stranger = TestCertificates.SelfSigned($"CN={client.ClientId}");
        using var files = new CertificateFiles();
        const string Password = "pfx pass+word/b83e";
        var log = new LogCapture();
        var configuration = stack.MutualTlsConfiguration(("ClientCertificatePath", files.Pfx(client.Certificate, "client", Password)), ("ClientCertificatePassword", Password));
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(log).SetMinimumLevel(LogLevel.Trace));
        services.AddMutualTlsDemoClient(stack, configuration);
        await using (var provider = services.BuildServiceProvider())
        {
            var demo = provider.GetRequiredService<IDemoClient>();
            await demo.GetWeatherAsync("Oslo");
            // A rotation to a PEM certificate and key, then a call with the new token.
            var (certificate, key) = files.PemPair(client.RotatedCertificate, "rotated");
            configuration["ClientCertificatePath"] = certificate;
            configuration["ClientCertificateKeyPath"] = key;
            configuration["ClientCertificatePassword"] = null;
            configuration.Reload();
            await demo.GetWeatherAsync("Bergen");
        }

        // A certificate the server does not know: refused.
        var options = stack.MutualTlsOptions(client);
        options.ClientCertificate = stranger;
        await using var refused = DemoClient.Create(options, loggerFactory: log.CreateFactory());
        var error = await Assert.ThrowsAsync<McpAuthenticationException>(() => refused.GetWeatherAsync("Oslo"));

        Assert.Equal(2, stack.TokenRequestCount);
        AssertLogged(log, TokenReceived, TokenRequestFailed);
        Assert.Contains(log.Categories, category => category.StartsWith(HttpClientCategories, StringComparison.Ordinal));
        var secrets = new SecretForms()
            .AddCertificatePrivateKey(client.Certificate)
            .AddCertificatePrivateKey(client.RotatedCertificate)
            .AddCertificatePrivateKey(stranger)
            .AddSecret("certificate password", Password);
        // The bound access tokens never passed a proxy here; the scan's eyJ form finds any JWT.
        AssertNothingLeaked(log, secrets, error);
    }

    /// <summary>
    /// The client registered for <c>client_secret_post</c> only, with <c>Auto</c> and <paramref name="secret"/>, discovering its
    /// authorization server (a configured token endpoint has no metadata listing methods, so nothing to fall back between).
    /// </summary>
    private static McpConnectionOptions PostOnlyOptions(DemoStack stack, string secret) => new()
    {
        Endpoint = stack.McpEndpoint,
        AuthorizationServer = stack.Issuer,
        ClientId = stack.PostOnlyClientId,
        ClientSecret = secret,
    };

    /// <summary>The stack's client secret, and every access token and client assertion that went through the proxy.</summary>
    private static SecretForms Secrets(DemoStack stack, TokenEndpointProxy proxy)
    {
        var secrets = new SecretForms().AddClientSecret(stack.ClientId, stack.ClientSecret);
        foreach (var token in proxy.IssuedAccessTokens)
        {
            secrets.AddToken("access token", token);
        }

        foreach (var request in proxy.Requests)
        {
            if (request.Form.TryGetValue("client_assertion", out var assertion))
            {
                secrets.AddToken("client assertion", assertion);
            }

            if (request.Form.TryGetValue("assertion", out var grant))
            {
                secrets.AddToken("JWT-bearer grant assertion", grant);
            }
        }

        return secrets;
    }

    private static void AssertLogged(LogCapture log, params int[] eventIds)
    {
        foreach (var id in eventIds)
        {
            Assert.True(log.Entries.Any(entry => entry.EventId.Id == id), $"The flow did not run as claimed: no log entry with event id {id}.");
        }
    }

    /// <summary>
    /// Nothing of <paramref name="secrets"/> in any log entry or in <paramref name="errors"/>; and the log is not empty
    /// where it matters: McpClientGen's and the SDK's categories logged.
    /// </summary>
    private static void AssertNothingLeaked(LogCapture log, SecretForms secrets, params Exception[] errors)
    {
        var categories = log.Categories;
        Assert.True(
            categories.Any(category => category.StartsWith("McpClientGen", StringComparison.Ordinal))
                && categories.Any(category => category.StartsWith(SdkCategories, StringComparison.Ordinal)),
            $"Captured categories: {string.Join(", ", categories)}");
        var texts = log.Texts.Concat(errors.Select(error => ($"the {error.GetType().Name}", error.ToString())));
        var findings = secrets.FindIn(texts);
        Assert.True(findings.Count == 0, "Leaked:\n" + string.Join("\n", findings));
    }
}
