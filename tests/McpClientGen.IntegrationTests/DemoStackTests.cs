using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using McpClientGen.DemoServer;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpClientGen.IntegrationTests;

/// <summary>The demo stack behaves like a real OAuth-protected MCP deployment, checked with plain HTTP and the SDK client.</summary>
public sealed class DemoStackTests
{
    [Fact]
    public async Task Token_request_with_client_secret_basic_succeeds_and_is_counted()
    {
        await using var stack = await DemoStack.StartAsync();

        using var response = await DemoStackHttp.RequestTokenAsync(stack, stack.ClientSecret, ("scope", "demo.read"));
        using var body = await DemoStackHttp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", body.RootElement.GetProperty("token_type").GetString());
        Assert.InRange(body.RootElement.GetProperty("expires_in").GetInt32(), 3590, 3600);
        // OpenIddict leaves "scope" out of the response when it grants exactly what was asked (RFC 6749 §5.1).
        Assert.False(body.RootElement.TryGetProperty("scope", out _));
        using var claims = DemoStackHttp.ReadJwtPayload(body.RootElement.GetProperty("access_token").GetString()!);
        Assert.Equal("demo.read", claims.RootElement.GetProperty("scope").GetString());
        Assert.Equal(stack.Issuer.AbsoluteUri, claims.RootElement.GetProperty("iss").GetString());
        Assert.Equal(stack.McpEndpoint.AbsoluteUri, claims.RootElement.GetProperty("aud").GetString());
        Assert.Equal("demo-client", claims.RootElement.GetProperty("client_id").GetString());
        Assert.Equal(1, stack.TokenRequestCount);
    }

    [Fact]
    public async Task Token_request_with_wrong_secret_is_rejected_and_not_counted()
    {
        await using var stack = await DemoStack.StartAsync();

        using var response = await DemoStackHttp.RequestTokenAsync(stack, "not-the-secret");
        using var body = await DemoStackHttp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", body.RootElement.GetProperty("error").GetString());
        Assert.Equal(0, stack.TokenRequestCount);
        // Seen and recorded as refused, so a test can tell "refused" from "never sent".
        Assert.Equal("invalid_client", Assert.Single(stack.TokenRequests).Error);
    }

    [Fact]
    public async Task Token_request_names_the_mcp_endpoint_as_resource_or_is_rejected()
    {
        await using var stack = await DemoStack.StartAsync();

        using var matching = await DemoStackHttp.RequestTokenAsync(stack, stack.ClientSecret, ("resource", stack.McpEndpoint.AbsoluteUri));
        using var other = await DemoStackHttp.RequestTokenAsync(stack, stack.ClientSecret, ("resource", "http://127.0.0.1:1/elsewhere"));
        using var otherBody = await DemoStackHttp.ReadJsonAsync(other);

        Assert.Equal(HttpStatusCode.OK, matching.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal("invalid_target", otherBody.RootElement.GetProperty("error").GetString());
        Assert.Equal(1, stack.TokenRequestCount);
    }

    [Fact]
    public async Task Unauthenticated_mcp_request_is_challenged_with_resource_metadata()
    {
        await using var stack = await DemoStack.StartAsync();

        using var response = await DemoStackHttp.PostToolsListAsync(stack, accessToken: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal($"resource_metadata=\"{DemoStackHttp.ResourceMetadataUrl(stack)}\"", challenge.Parameter);
        Assert.Equal(1, stack.Mcp401Count);
    }

    [Fact]
    public async Task Protected_resource_metadata_names_the_endpoint_and_the_issuer()
    {
        await using var stack = await DemoStack.StartAsync();

        using var metadata = await DemoStackHttp.GetJsonAsync(DemoStackHttp.ResourceMetadataUrl(stack));

        Assert.Equal(stack.McpEndpoint.AbsoluteUri, metadata.RootElement.GetProperty("resource").GetString());
        Assert.Equal([stack.Issuer.AbsoluteUri], DemoStackHttp.Strings(metadata.RootElement.GetProperty("authorization_servers")));
        Assert.Equal(["demo.read", "demo.write"], DemoStackHttp.Strings(metadata.RootElement.GetProperty("scopes_supported")));
    }

    [Theory]
    [InlineData(".well-known/oauth-authorization-server")]
    [InlineData(".well-known/openid-configuration")]
    public async Task Authorization_server_metadata_names_issuer_and_token_endpoint(string path)
    {
        await using var stack = await DemoStack.StartAsync();

        using var metadata = await DemoStackHttp.GetJsonAsync(new Uri(stack.Issuer, path));

        Assert.Equal(stack.Issuer.AbsoluteUri, metadata.RootElement.GetProperty("issuer").GetString());
        Assert.Equal(stack.TokenEndpoint.AbsoluteUri, metadata.RootElement.GetProperty("token_endpoint").GetString());
        Assert.Contains("client_credentials", DemoStackHttp.Strings(metadata.RootElement.GetProperty("grant_types_supported")));
    }

    [Theory]
    [InlineData(null)] // The client probes server/discover first.
    [InlineData("2025-11-25")] // The client does the initialize handshake.
    public async Task Tools_list_publishes_the_demo_tools_with_their_schemas(string? protocolVersion)
    {
        await using var stack = await DemoStack.StartAsync();
        await using var session = await DemoStackHttp.ConnectAsync(stack, protocolVersion);

        var tools = (await session.Client.ListToolsAsync()).ToDictionary(tool => tool.Name, tool => tool.ProtocolTool);

        Assert.Equal(
            [
                "ask_unknown_input", "confirm_action", "convert_temperature", "count_steps", "create_ticket", "dispatch_parcel", "divide", "echo_shapes", "find_office", "get_issue",
                "get_weather", "list_client_roots", "plan_trip", "publish_report", "purge_tickets", "quote_shipment", "summarize_with_model",
                "wait_after_confirmation", "wait_until_cancelled",
            ],
            tools.Keys.Order());
        Assert.Equal("demo", session.Client.ServerInfo?.Name);
        Assert.Equal("1.0.0", session.Client.ServerInfo?.Version);

        var outputSchema = tools["get_weather"].OutputSchema;
        Assert.NotNull(outputSchema);
        Assert.Equal("object", outputSchema.Value.GetProperty("type").GetString());
        Assert.Equal("integer", outputSchema.Value.GetProperty("properties").GetProperty("humidity_percent").GetProperty("type").GetString());

        var temperature = tools["convert_temperature"].InputSchema;
        var to = temperature.GetProperty("properties").GetProperty("to");
        Assert.Equal("string", to.GetProperty("type").GetString());
        Assert.Equal(["celsius", "fahrenheit", "kelvin"], DemoStackHttp.Strings(to.GetProperty("enum")));
        Assert.Equal(["value", "to"], DemoStackHttp.Strings(temperature.GetProperty("required")));

        var ticket = tools["create_ticket"].InputSchema.GetProperty("properties");
        Assert.Equal("string", ticket.GetProperty("title").GetProperty("type").GetString());
        Assert.Equal("integer", ticket.GetProperty("priority").GetProperty("type").GetString());
        Assert.Equal("boolean", ticket.GetProperty("urgent").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Tools_answer_with_text_and_structured_content()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var session = await DemoStackHttp.ConnectAsync(stack);

        var ticket = await session.Client.CallToolAsync(
            "create_ticket", new Dictionary<string, object?> { ["title"] = "Printer on fire", ["priority"] = 5, ["urgent"] = true });
        var temperature = await session.Client.CallToolAsync(
            "convert_temperature", new Dictionary<string, object?> { ["value"] = 100, ["to"] = "fahrenheit" });
        var weather = await session.Client.CallToolAsync("get_weather", new Dictionary<string, object?> { ["city"] = "Oslo" });
        var weatherAgain = await session.Client.CallToolAsync("get_weather", new Dictionary<string, object?> { ["city"] = "Oslo" });

        Assert.Equal("Created ticket T-1001: Printer on fire (priority 5, urgent)", DemoStackHttp.Text(ticket));
        Assert.Equal("100 °C = 212 °F", DemoStackHttp.Text(temperature));
        Assert.NotEqual(true, weather.IsError);
        Assert.NotNull(weather.StructuredContent);
        Assert.Equal("Oslo", weather.StructuredContent.Value.GetProperty("city").GetString());
        Assert.Equal(weather.StructuredContent.Value.GetRawText(), weatherAgain.StructuredContent?.GetRawText());
    }

    [Fact]
    public async Task Dividing_by_zero_is_a_tool_error_with_the_reason()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var session = await DemoStackHttp.ConnectAsync(stack);

        var quotient = await session.Client.CallToolAsync("divide", new Dictionary<string, object?> { ["dividend"] = 7, ["divisor"] = 2 });
        var failure = await session.Client.CallToolAsync("divide", new Dictionary<string, object?> { ["dividend"] = 1, ["divisor"] = 0 });

        Assert.Equal("3.5", DemoStackHttp.Text(quotient));
        Assert.True(failure.IsError);
        Assert.Contains("Cannot divide by zero.", DemoStackHttp.Text(failure), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_tokens_are_rejected_as_invalid_and_new_tokens_work()
    {
        await using var stack = await DemoStack.StartAsync();
        var revoked = await DemoStackHttp.GetAccessTokenAsync(stack);
        using (var before = await DemoStackHttp.PostToolsListAsync(stack, revoked))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        stack.RevokeIssuedTokens();

        using var after = await DemoStackHttp.PostToolsListAsync(stack, revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        var challenge = Assert.Single(after.Headers.WwwAuthenticate).Parameter;
        Assert.Contains($"resource_metadata=\"{DemoStackHttp.ResourceMetadataUrl(stack)}\"", challenge, StringComparison.Ordinal);
        Assert.Contains("error=\"invalid_token\"", challenge, StringComparison.Ordinal);
        Assert.Equal(1, stack.Mcp401Count);

        await using var session = await DemoStackHttp.ConnectAsync(stack);
        Assert.Equal(19, (await session.Client.ListToolsAsync()).Count);
        Assert.Equal(2, stack.TokenRequestCount);
    }

    [Fact]
    public async Task Stacks_started_together_are_independent()
    {
        var stacks = await Task.WhenAll(DemoStack.StartAsync(), DemoStack.StartAsync());
        await using var first = stacks[0];
        await using var second = stacks[1];

        var firstToken = await DemoStackHttp.GetAccessTokenAsync(first);
        using var own = await DemoStackHttp.PostToolsListAsync(first, firstToken);
        using var foreign = await DemoStackHttp.PostToolsListAsync(second, firstToken);

        Assert.NotEqual(first.McpEndpoint, second.McpEndpoint);
        Assert.NotEqual(first.Issuer, second.Issuer);
        Assert.NotEqual(first.ClientSecret, second.ClientSecret);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, foreign.StatusCode);
        Assert.Contains("error=\"invalid_token\"", Assert.Single(foreign.Headers.WwwAuthenticate).Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToString_does_not_reveal_the_secret()
    {
        await using var stack = await DemoStack.StartAsync();

        var text = stack.ToString();

        Assert.Contains(stack.McpEndpoint.AbsoluteUri, text, StringComparison.Ordinal);
        Assert.DoesNotContain(stack.ClientSecret, text, StringComparison.Ordinal);
    }
}

/// <summary>Talks to a <see cref="DemoStack"/> by hand, the way a client without any OAuth library would.</summary>
internal static class DemoStackHttp
{
    private static readonly HttpClient Http = new();

    public static Uri ResourceMetadataUrl(DemoStack stack) =>
        new(stack.McpEndpoint, "/.well-known/oauth-protected-resource" + stack.McpEndpoint.AbsolutePath);

    /// <summary>A token request of the secret client authenticated with <c>client_secret_basic</c> (RFC 6749 §2.3.1).</summary>
    public static Task<HttpResponseMessage> RequestTokenAsync(
        DemoStack stack, string clientSecret, params (string Name, string Value)[] parameters) =>
        RequestTokenAsAsync(stack, stack.ClientId, clientSecret, parameters);

    /// <summary>A token request of <paramref name="clientId"/> authenticated with <c>client_secret_basic</c> (RFC 6749 §2.3.1).</summary>
    public static async Task<HttpResponseMessage> RequestTokenAsAsync(
        DemoStack stack, string clientId, string clientSecret, params (string Name, string Value)[] parameters)
    {
        var credentials = $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, stack.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(
                [new("grant_type", "client_credentials"), .. parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value))]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return await Http.SendAsync(request);
    }

    public static async Task<string> GetAccessTokenAsync(DemoStack stack)
    {
        using var response = await RequestTokenAsync(stack, stack.ClientSecret);
        response.EnsureSuccessStatusCode();
        using var body = await ReadJsonAsync(response);
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A raw <c>tools/list</c> POST, to see the HTTP status and challenge the SDK client would throw away.</summary>
    public static async Task<HttpResponseMessage> PostToolsListAsync(DemoStack stack, string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, stack.McpEndpoint)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return await Http.SendAsync(request);
    }

    public static async Task<McpSession> ConnectAsync(DemoStack stack, string? protocolVersion = null)
    {
        var accessToken = await GetAccessTokenAsync(stack);
        var http = new HttpClient(new BearerTokenHandler(accessToken));
        try
        {
            var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = stack.McpEndpoint }, http);
            var options = new McpClientOptions { ProtocolVersion = protocolVersion };
            return new McpSession(await McpClient.CreateAsync(transport, options), http);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public static async Task<JsonDocument> GetJsonAsync(Uri url)
    {
        using var response = await Http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await ReadJsonAsync(response);
    }

    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());

    public static JsonDocument ReadJwtPayload(string jwt) =>
        JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1]));

    public static string[] Strings(JsonElement array) =>
        [.. array.EnumerateArray().Select(item => item.GetString()!)];

    public static string Text(CallToolResult result) =>
        Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;

    /// <summary>An SDK client plus the <see cref="HttpClient"/> it runs on, which the client does not own.</summary>
    public sealed record McpSession(McpClient Client, HttpClient Http) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            Http.Dispose();
        }
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
