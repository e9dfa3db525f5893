using McpClientGen.DemoServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// <c>AddMcpClient</c> with configuration: typed clients from the container, start-up validation, several clients
/// with their own credentials, credential rotation on reload, and the auth engine on its own with the plain SDK.
/// </summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task A_client_registered_from_configuration_is_resolved_and_calls_its_tools()
    {
        await using var stack = await DemoStack.StartAsync();
        var configuration = Configuration(
            ("Mcp:Demo:Endpoint", stack.McpEndpoint.AbsoluteUri),
            ("Mcp:Demo:ClientId", stack.ClientId),
            ("Mcp:Demo:ClientSecret", stack.ClientSecret),
            ("Mcp:Demo:TrustDiscoveredAuthorizationServer", "true"));
        var services = new ServiceCollection();

        var builder = services.AddMcpClient<IDemoClient, DemoClient>(configuration.GetSection("Mcp:Demo"));
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(typeof(DemoClient).FullName, builder.Name);
        Assert.Same(provider.GetRequiredService<DemoClient>(), provider.GetRequiredService<IDemoClient>());
        Assert.Equal("Oslo", (await provider.GetRequiredService<IDemoClient>().GetWeatherAsync("Oslo")).City);
        Assert.Equal("demo.read demo.write", Assert.Single(stack.TokenRequests).Scope);
    }

    [Fact]
    public void Missing_settings_fail_start_up_validation_naming_the_keys()
    {
        var services = new ServiceCollection();
        services.AddMcpClient<IDemoClient, DemoClient>(Configuration(("Mcp:Demo:Endpoint", "https://mcp.example.com/mcp")).GetSection("Mcp:Demo"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.StartsWith($"MCP client '{typeof(DemoClient).FullName}' (read from the configuration section 'Mcp:Demo'): ", error.Message, StringComparison.Ordinal);
        Assert.Contains("set ClientId, and one of ClientSecret, ClientSecretFile, PrivateKey, PrivateKeyFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_registered_client_is_validated_and_named_with_its_own_section()
    {
        var configuration = Configuration(("Mcp:Demo:ClientId", "demo"), ("Mcp:Weather:ClientSecret", "s3cret-weather"));
        var services = new ServiceCollection();
        services.AddMcpClient<IDemoClient, DemoClient>(configuration.GetSection("Mcp:Demo"));
        services.AddMcpClient<IDemoWeatherClient, DemoWeatherClient>(configuration.GetSection("Mcp:Weather"));
        using var provider = services.BuildServiceProvider();

        // Two clients fail, so start-up validation reports both.
        var errors = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate()).InnerExceptions;

        Assert.Equal(2, errors.Count);
        Assert.StartsWith($"MCP client '{typeof(DemoClient).FullName}' (read from the configuration section 'Mcp:Demo'): ", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(
            $"MCP client '{typeof(DemoWeatherClient).FullName}' (read from the configuration section 'Mcp:Weather'): " +
            "Invalid McpConnectionOptions: the MCP connection options are incomplete: set Endpoint and ClientId (configuration keys of the same names).",
            errors[1].Message);
    }

    [Fact]
    public void Trusting_discovery_while_naming_the_authorization_server_fails_start_up_validation()
    {
        var services = new ServiceCollection();
        services.AddMcpClient<IDemoClient, DemoClient>(Configuration(
            ("Mcp:Demo:Endpoint", "https://mcp.example.com/mcp"),
            ("Mcp:Demo:ClientId", "client"),
            ("Mcp:Demo:ClientSecret", "secret"),
            ("Mcp:Demo:AuthorizationServer", "https://login.example.com/"),
            ("Mcp:Demo:TrustDiscoveredAuthorizationServer", "true")).GetSection("Mcp:Demo"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("TrustDiscoveredAuthorizationServer", error.Message, StringComparison.Ordinal);
        Assert.Contains("but AuthorizationServer names one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_clients_with_different_credentials_work_side_by_side()
    {
        await using var stack = await DemoStack.StartAsync();
        var jwtClient = stack.JwtClients.Es256;
        var services = new ServiceCollection();
        services.AddMcpClient<IDemoClient, DemoClient>(options =>
        {
            options.Endpoint = stack.McpEndpoint;
            options.ClientId = stack.ClientId;
            options.ClientSecret = stack.ClientSecret;
            options.AuthorizationServer = stack.Issuer;
        });
        services.AddMcpClient<IDemoWeatherClient, DemoWeatherClient>(options =>
        {
            options.Endpoint = stack.McpEndpoint;
            options.ClientId = jwtClient.ClientId;
            options.PrivateKey = jwtClient.PrivateKeyPem;
            options.TrustDiscoveredAuthorizationServer = true;
        });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IDemoClient>().GetWeatherAsync("Oslo");
        await provider.GetRequiredService<IDemoWeatherClient>().WeatherInAsync("Bergen");

        Assert.Equal(
            new[] { stack.ClientId, jwtClient.ClientId }.Order(StringComparer.Ordinal),
            stack.TokenRequests.Select(request => request.ClientId).Order(StringComparer.Ordinal));
        Assert.Equal(["client_secret_basic", "private_key_jwt"], stack.TokenRequests.Select(request => request.AuthenticationMethod).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_rotated_secret_is_used_by_the_next_token_request_without_a_restart()
    {
        await using var stack = await DemoStack.StartAsync();
        var source = new Dictionary<string, string?>
        {
            ["Endpoint"] = stack.McpEndpoint.AbsoluteUri,
            ["ClientId"] = stack.ClientId,
            ["ClientSecret"] = "the-old-secret-that-was-revoked",
            ["AuthorizationServer"] = stack.Issuer.AbsoluteUri,
        };
        var configuration = (IConfigurationRoot)new ConfigurationBuilder().AddInMemoryCollection(source).Build();
        var services = new ServiceCollection();
        services.AddMcpClient<IDemoClient, DemoClient>(configuration);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IDemoClient>();
        await Assert.ThrowsAsync<McpAuthenticationException>(() => client.GetWeatherAsync("Oslo"));

        // The secret store now holds the new secret; the configuration reloads as a file or vault provider would.
        configuration["ClientSecret"] = stack.ClientSecret;
        configuration.Reload();

        Assert.Equal("Oslo", (await client.GetWeatherAsync("Oslo")).City);
        // Auto tried the old secret once with each secret method the server lists; the new one got a token at once.
        Assert.Equal(
            [("client_secret_basic", false), ("client_secret_post", false), ("client_secret_basic", true)],
            stack.TokenRequests.Select(request => (request.AuthenticationMethod, request.Succeeded)));
    }

    [Fact]
    public async Task The_auth_engine_works_with_the_plain_SDK_without_generated_clients()
    {
        await using var stack = await DemoStack.StartAsync();
        var options = stack.ClientOptions();

        // The C# counterpart of the TypeScript ClientCredentialsProvider and the Python ClientCredentialsOAuthProvider.
        using var http = new HttpClient(McpClientCredentials.CreateHandler(options));
        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = stack.McpEndpoint }, http);
        await using var client = await McpClient.CreateAsync(transport, new McpClientOptions().WithClientCredentialsExtension());

        var tools = await client.ListToolsAsync();

        Assert.Contains(tools, tool => tool.Name == "get_weather");
        Assert.Equal(1, stack.TokenRequestCount);
        Assert.Equal(0, stack.Mcp401Count);
        Assert.True(stack.LastClientCapabilities!.Value.GetProperty("extensions").TryGetProperty(McpConnection.ClientCredentialsExtension, out _));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(value => new KeyValuePair<string, string?>(value.Key, value.Value))).Build();
}
