using System.Net;
using System.Net.Http.Headers;
using System.Text;
using McpClientGen.DemoServer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace McpClientGen.Tests;

/// <summary>
/// The auth handler with real tokens from the demo authorization server, and a recording handler in place of
/// the MCP server, so each challenge can be played exactly.
/// </summary>
public sealed class ClientCredentialsHandlerTests
{
    [Fact]
    public async Task Every_request_to_the_endpoint_origin_carries_the_token_and_no_other_request_does()
    {
        await using var stack = await DemoStack.StartAsync();
        var (client, recorder) = Client(stack);

        await client.PostAsync(stack.McpEndpoint, new StringContent("{}"));
        await client.GetAsync(stack.McpEndpoint);
        await client.DeleteAsync(stack.McpEndpoint);
        await client.GetAsync(new Uri(stack.McpEndpoint, "/other/path"));
        await client.GetAsync(new Uri("http://127.0.0.2:9/mcp"));

        var requests = recorder.Requests;
        Assert.All(requests.Take(4), request => Assert.NotNull(request.BearerToken));
        Assert.Single(requests.Take(4).Select(request => request.BearerToken).Distinct());
        Assert.Null(requests[4].Authorization);
        Assert.Equal(1, stack.TokenRequestCount);
    }

    [Fact]
    public async Task A_401_replaces_the_token_and_resends_the_same_body_once()
    {
        await using var stack = await DemoStack.StartAsync();
        var (client, recorder) = Client(stack);
        recorder.Respond = (_, index) => index == 0 ? Challenge(HttpStatusCode.Unauthorized, "error=\"invalid_token\"") : Ok();

        var response = await client.PostAsync(stack.McpEndpoint, new StringContent("""{"jsonrpc":"2.0","id":7}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = recorder.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.NotEqual(requests[0].BearerToken, requests[1].BearerToken);
        Assert.Equal(2, stack.TokenRequestCount);
    }

    [Fact]
    public async Task A_second_401_fails_with_advice_rather_than_being_retried_again()
    {
        await using var stack = await DemoStack.StartAsync();
        var (client, recorder) = Client(stack);
        recorder.Respond = (_, _) => Challenge(HttpStatusCode.Unauthorized, "error=\"invalid_token\"");

        var error = await Assert.ThrowsAsync<McpAuthenticationException>(() => client.PostAsync(stack.McpEndpoint, new StringContent("{}")));

        Assert.Contains(stack.McpEndpoint.AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Contains("ResourceIndicator", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, recorder.Requests.Count);
    }

    [Fact]
    public async Task Concurrent_403s_for_one_old_token_each_step_up_and_succeed()
    {
        await using var stack = await DemoStack.StartAsync();
        var (client, recorder) = Client(stack, scopes: "demo.read");
        recorder.Respond = (request, _) => Scopes(request.BearerToken).Contains("demo.write")
            ? Ok()
            : Challenge(HttpStatusCode.Forbidden, "error=\"insufficient_scope\", scope=\"demo.write\"");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsync(stack.McpEndpoint, new StringContent("{}"))));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(2, stack.TokenRequestCount);
    }

    [Fact]
    public async Task A_same_origin_redirect_is_followed_with_the_token()
    {
        await using var stack = await DemoStack.StartAsync();
        var (client, recorder) = Client(stack);
        var moved = new Uri(stack.McpEndpoint, "/mcp/");
        recorder.Respond = (request, _) => request.Url == stack.McpEndpoint
            ? new HttpResponseMessage(HttpStatusCode.TemporaryRedirect) { Headers = { Location = moved } }
            : Ok();

        var response = await client.PostAsync(stack.McpEndpoint, new StringContent("""{"id":1}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(moved, recorder.Requests[1].Url);
        Assert.Equal(recorder.Requests[0].BearerToken, recorder.Requests[1].BearerToken);
        Assert.Equal("""{"id":1}""", recorder.Requests[1].Body);
    }

    [Fact]
    public async Task A_403_for_a_missing_scope_gets_a_token_with_the_scopes_merged_and_resends()
    {
        await using var stack = await DemoStack.StartAsync();
        var (client, recorder) = Client(stack, scopes: "demo.read");
        recorder.Respond = (request, _) => Scopes(request.BearerToken).Contains("demo.write")
            ? Ok()
            : Challenge(HttpStatusCode.Forbidden, "error=\"insufficient_scope\", scope=\"demo.write\"");

        var response = await client.PostAsync(stack.McpEndpoint, new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["demo.read", "demo.write"], Scopes(recorder.Requests[^1].BearerToken));
        Assert.Equal(2, recorder.Requests.Count);
    }

    [Fact]
    public async Task A_403_that_a_stepped_up_token_does_not_satisfy_throws_naming_the_scopes()
    {
        await using var stack = await DemoStack.StartAsync();
        var (client, recorder) = Client(stack, scopes: "demo.read");
        recorder.Respond = (_, _) => Challenge(HttpStatusCode.Forbidden, "error=\"insufficient_scope\", scope=\"demo.write\"");

        var error = await Assert.ThrowsAsync<McpAuthorizationException>(() => client.PostAsync(stack.McpEndpoint, new StringContent("{}")));

        Assert.Equal("demo.write", error.RequiredScopes);
        Assert.Equal("demo.read demo.write", error.RequestedScopes);
        Assert.Contains("demo.write", error.Message, StringComparison.Ordinal);
        Assert.Contains(stack.McpEndpoint.AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, recorder.Requests.Count);
    }

    [Fact]
    public async Task A_403_without_insufficient_scope_is_an_authorization_error()
    {
        await using var stack = await DemoStack.StartAsync();
        var (client, recorder) = Client(stack);
        recorder.Respond = (_, _) => new HttpResponseMessage(HttpStatusCode.Forbidden);

        var error = await Assert.ThrowsAsync<McpAuthorizationException>(() => client.PostAsync(stack.McpEndpoint, new StringContent("{}")));

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.Single(recorder.Requests);
        Assert.Equal(1, stack.TokenRequestCount);
    }

    private static (HttpClient Client, RecordingHandler Recorder) Client(DemoStack stack, string? scopes = null)
    {
        var options = new McpConnectionOptions
        {
            Endpoint = stack.McpEndpoint,
            ClientId = stack.ClientId,
            ClientSecret = stack.ClientSecret,
            AuthorizationServer = stack.Issuer,
            Scopes = scopes,
        };
        var recorder = new RecordingHandler();
        var handler = ClientCredentialsEngine.Create(options, timeProvider: null, loggerFactory: null).CreateHandler(recorder, ownsEngine: true);
        return (new HttpClient(handler), recorder);
    }

    private static HttpResponseMessage Ok() => new(HttpStatusCode.OK) { Content = new StringContent("{}") };

    private static HttpResponseMessage Challenge(HttpStatusCode status, string parameters)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.WwwAuthenticate.Add(new AuthenticationHeaderValue("Bearer", parameters));
        return response;
    }

    private static string[] Scopes(string? token) =>
        token is not null && new JsonWebToken(token).TryGetPayloadValue<string>("scope", out var scope)
            ? scope.Split(' ').Order(StringComparer.Ordinal).ToArray()
            : [];
}
