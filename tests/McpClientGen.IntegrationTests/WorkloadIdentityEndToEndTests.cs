using System.Text.Json;
using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using ModelContextProtocol.Client;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// A generated client with no secret: the workload's platform token, from a file or a callback, as the client
/// assertion of the demo's federated client or as the JWT-bearer grant (SEP-1933), against the real OpenIddict server,
/// which records the platform tokens it received (<see cref="DemoPlatformIssuer.ReceivedTokenIds"/>) and every token
/// request it answered.
/// </summary>
public sealed class WorkloadIdentityEndToEndTests
{
    public enum Source
    {
        File,
        Callback,
    }

    [Theory]
    [InlineData(Source.File, ClientAuthenticationMethod.PlatformAssertion)]
    [InlineData(Source.Callback, ClientAuthenticationMethod.PlatformAssertion)]
    [InlineData(Source.File, ClientAuthenticationMethod.Auto)]
    public async Task A_platform_token_authenticates_the_federated_client_with_client_credentials(Source source, ClientAuthenticationMethod method)
    {
        await using var stack = await DemoStack.StartAsync();
        var platformToken = stack.Platform.IssueToken();
        using var file = new PlatformTokenFile(platformToken);
        var options = WorkloadOptions(stack, TokenGrantType.ClientCredentials, source, file, () => platformToken);
        options.ClientAuthentication = method;

        await CallAsync(options);

        Assert.Equal(new DemoTokenRequest(DemoStack.FederatedClientId, "private_key_jwt", "demo.read demo.write", null), Assert.Single(stack.TokenRequests));
        Assert.Equal([IdOf(platformToken)], stack.Platform.ReceivedTokenIds);
    }

    [Theory]
    [InlineData(Source.File, null)]
    [InlineData(Source.Callback, null)]
    [InlineData(Source.File, DemoStack.WorkloadClientId)]
    public async Task The_JWT_bearer_grant_exchanges_the_platform_token_with_or_without_a_client_id(Source source, string? clientId)
    {
        await using var stack = await DemoStack.StartAsync();
        var platformToken = stack.Platform.IssueToken();
        using var file = new PlatformTokenFile(platformToken);
        var options = WorkloadOptions(stack, TokenGrantType.JwtBearer, source, file, () => platformToken);
        options.ClientId = clientId;

        await CallAsync(options);

        Assert.Equal(new DemoTokenRequest(clientId, null, "demo.read demo.write", null), Assert.Single(stack.TokenRequests));
        Assert.Equal([IdOf(platformToken)], stack.Platform.ReceivedTokenIds);
    }

    [Theory]
    [InlineData(TokenGrantType.ClientCredentials)]
    [InlineData(TokenGrantType.JwtBearer)]
    public async Task A_token_file_the_platform_rewrote_is_what_the_next_token_request_carries(TokenGrantType grant)
    {
        await using var stack = await DemoStack.StartAsync();
        var first = stack.Platform.IssueToken();
        using var file = new PlatformTokenFile(first);
        var options = WorkloadOptions(stack, grant, Source.File, file, null);
        await using var client = DemoClient.Create(options);

        await client.GetWeatherAsync("Oslo");
        var second = stack.Platform.IssueToken();
        file.Write(second);
        // The access token is rejected, so the client needs a new one: the next token request.
        stack.RevokeIssuedTokens();
        await client.GetWeatherAsync("Oslo");

        Assert.Equal([IdOf(first), IdOf(second)], stack.Platform.ReceivedTokenIds);
        Assert.Equal([true, true], stack.TokenRequests.Select(request => request.Succeeded));
    }

    [Theory]
    [InlineData(Source.File, TokenGrantType.ClientCredentials)]
    [InlineData(Source.Callback, TokenGrantType.JwtBearer)]
    public async Task An_expired_platform_token_is_a_typed_error_and_never_sent(Source source, TokenGrantType grant)
    {
        await using var stack = await DemoStack.StartAsync();
        var expired = stack.Platform.IssueToken(expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1));
        using var file = new PlatformTokenFile(expired);
        var options = WorkloadOptions(stack, grant, source, file, () => expired);

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(() => CallAsync(options));

        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
        Assert.Contains(source == Source.File ? $"PlatformTokenFile '{file.Path}'" : "PlatformTokenProvider", error.Message, StringComparison.Ordinal);
        AssertNoTokenOf(expired, error);
        Assert.Empty(stack.TokenRequests);
        Assert.Empty(stack.Platform.ReceivedTokenIds);
        Assert.Equal(0, stack.McpRequestCount);
    }

    [Theory]
    [InlineData("missing", "does not exist")]
    [InlineData("empty", "is empty")]
    [InlineData("not a JWT", "does not hold a JWT")]
    public async Task An_unusable_token_file_is_a_typed_error_naming_the_path(string content, string problem)
    {
        await using var stack = await DemoStack.StartAsync();
        using var file = new PlatformTokenFile();
        if (content != "missing")
        {
            file.Write(content == "empty" ? "\n" : "opaque-token-value");
        }

        var options = WorkloadOptions(stack, TokenGrantType.JwtBearer, Source.File, file, null);

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(() => CallAsync(options));

        Assert.Contains($"PlatformTokenFile '{file.Path}' {problem}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("opaque-token-value", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(stack.TokenRequests);
    }

    [Theory]
    [InlineData("invalid_grant")]
    [InlineData("invalid_scope")]
    public async Task A_refused_JWT_bearer_grant_is_a_typed_error_after_exactly_one_request(string refusal)
    {
        await using var stack = await DemoStack.StartAsync();
        var platformToken = refusal == "invalid_grant"
            ? stack.Platform.IssueToken(audience: "https://another-authorization-server.example/")
            : stack.Platform.IssueToken();
        using var file = new PlatformTokenFile(platformToken);
        var options = WorkloadOptions(stack, TokenGrantType.JwtBearer, Source.File, file, null);
        options.Scopes = refusal == "invalid_scope" ? "demo.read demo.admin" : null;

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(() => CallAsync(options));

        Assert.Equal(refusal, error.Error);
        Assert.Contains("urn:ietf:params:oauth:grant-type:jwt-bearer", error.Message, StringComparison.Ordinal);
        AssertNoTokenOf(platformToken, error);
        // One request, with the grant configured: no retry, and no other grant or credential tried after it.
        Assert.Equal([refusal], stack.TokenRequests.Select(request => request.Error));
        Assert.Single(stack.Platform.ReceivedTokenIds);
        Assert.Equal(0, stack.McpRequestCount);
    }

    [Theory]
    [InlineData(TokenGrantType.JwtBearer, McpConnection.WorkloadIdentityExtension, McpConnection.ClientCredentialsExtension)]
    [InlineData(TokenGrantType.ClientCredentials, McpConnection.ClientCredentialsExtension, McpConnection.WorkloadIdentityExtension)]
    public async Task The_client_advertises_the_extension_of_its_grant(TokenGrantType grant, string advertised, string notAdvertised)
    {
        await using var stack = await DemoStack.StartAsync();
        using var file = new PlatformTokenFile(stack.Platform.IssueToken());
        var options = WorkloadOptions(stack, grant, Source.File, file, null);

        await CallAsync(options);

        var extensions = Assert.IsType<JsonElement>(stack.LastClientCapabilities).GetProperty("extensions");
        Assert.Equal(JsonValueKind.Object, extensions.GetProperty(advertised).ValueKind);
        Assert.False(extensions.TryGetProperty(notAdvertised, out _));
    }

    [Fact]
    public async Task The_auth_engine_runs_the_JWT_bearer_grant_for_the_plain_SDK()
    {
        await using var stack = await DemoStack.StartAsync();
        var platformToken = stack.Platform.IssueToken();
        var options = new McpConnectionOptions
        {
            Endpoint = stack.McpEndpoint,
            AuthorizationServer = stack.Issuer,
            GrantType = TokenGrantType.JwtBearer,
            PlatformTokenProvider = _ => ValueTask.FromResult(platformToken),
        };

        using var http = new HttpClient(McpClientCredentials.CreateHandler(options));
        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = stack.McpEndpoint }, http);
        await using var client = await McpClient.CreateAsync(transport, new McpClientOptions().WithWorkloadIdentityExtension());
        var tools = await client.ListToolsAsync();

        Assert.Contains(tools, tool => tool.Name == "get_weather");
        Assert.Equal([IdOf(platformToken)], stack.Platform.ReceivedTokenIds);
        Assert.True(stack.LastClientCapabilities!.Value.GetProperty("extensions").TryGetProperty(McpConnection.WorkloadIdentityExtension, out _));
    }

    [Fact]
    public async Task A_client_registered_from_configuration_uses_the_platform_token_file()
    {
        await using var stack = await DemoStack.StartAsync();
        var platformToken = stack.Platform.IssueToken();
        using var file = new PlatformTokenFile(platformToken);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mcp:Demo:Endpoint"] = stack.McpEndpoint.AbsoluteUri,
            ["Mcp:Demo:AuthorizationServer"] = stack.Issuer.AbsoluteUri,
            ["Mcp:Demo:GrantType"] = "JwtBearer",
            ["Mcp:Demo:PlatformTokenFile"] = file.Path,
        }).Build();
        var services = new ServiceCollection();
        services.AddMcpClient<IDemoClient, DemoClient>(configuration.GetSection("Mcp:Demo"));
        await using var provider = services.BuildServiceProvider();

        Assert.Equal("Oslo", (await provider.GetRequiredService<IDemoClient>().GetWeatherAsync("Oslo")).City);
        Assert.Equal([IdOf(platformToken)], stack.Platform.ReceivedTokenIds);
    }

    /// <summary>
    /// The demo stack's MCP endpoint, authenticated by a platform token from <paramref name="source"/>: as the federated
    /// client's assertion, or as the JWT-bearer grant without a client id.
    /// </summary>
    private static McpConnectionOptions WorkloadOptions(DemoStack stack, TokenGrantType grant, Source source, PlatformTokenFile file, Func<string>? callback)
    {
        var options = new McpConnectionOptions
        {
            Endpoint = stack.McpEndpoint,
            AuthorizationServer = stack.Issuer,
            GrantType = grant,
            ClientId = grant == TokenGrantType.ClientCredentials ? DemoStack.FederatedClientId : null,
        };
        if (source == Source.File)
        {
            options.PlatformTokenFile = file.Path;
        }
        else
        {
            options.PlatformTokenProvider = _ => ValueTask.FromResult(callback!());
        }

        return options;
    }

    private static async Task CallAsync(McpConnectionOptions options)
    {
        await using var client = DemoClient.Create(options);
        Assert.Equal("Oslo", (await client.GetWeatherAsync("Oslo")).City);
    }

    private static string IdOf(string platformToken) => new JsonWebToken(platformToken).Id;

    private static void AssertNoTokenOf(string platformToken, Exception error)
    {
        foreach (var segment in platformToken.Split('.'))
        {
            Assert.DoesNotContain(segment, error.ToString(), StringComparison.Ordinal);
        }
    }
}
