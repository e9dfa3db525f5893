using System.Net;
using McpClientGen.Tests.Support;

namespace McpClientGen.Tests;

/// <summary>
/// A URL that cannot be reached, or that is not an MCP endpoint, fails with a one-line <see cref="McpConnectionException"/>
/// naming the URL and what to check, for the MCP endpoint and for the discovery and token endpoints alike; never as an
/// authentication failure, and never with the server's response body.
/// </summary>
public sealed class ConnectionErrorTests
{
    private const string HtmlPage = "<!DOCTYPE html>\n<html><body><h1>Welcome</h1></body></html>";

    [Fact]
    public async Task A_closed_port_is_unreachable()
    {
        var endpoint = ClosedPort.Url("/mcp");
        await using var connection = McpConnection.CreateUnauthenticated(endpoint);

        var error = await Assert.ThrowsAsync<McpConnectionException>(() => connection.ListToolsAsync());

        AssertFailure(error, McpConnectionFailure.Unreachable, endpoint);
        Assert.Contains("Connection refused", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_info_and_query_values_are_left_out_of_the_message_and_the_url()
    {
        var endpoint = new UriBuilder(ClosedPort.Url("/mcp")) { UserName = "user", Password = "p4ssw0rd-in-url", Query = "api_key=s3cret-in-query&mode" }.Uri;
        await using var connection = McpConnection.CreateUnauthenticated(endpoint);

        var error = await Assert.ThrowsAsync<McpConnectionException>(() => connection.ListToolsAsync());

        Assert.Equal(McpConnectionFailure.Unreachable, error.Reason);
        Assert.Equal("", error.Url.UserInfo);
        Assert.Equal($"http://127.0.0.1:{endpoint.Port}/mcp", error.Url.GetLeftPart(UriPartial.Path));
        Assert.Contains("/mcp?api_key=…&mode'", error.Message, StringComparison.Ordinal);
        foreach (var secret in new[] { "p4ssw0rd-in-url", "s3cret-in-query" })
        {
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, error.Url.AbsoluteUri, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_closed_port_with_credentials_is_unreachable_at_discovery_not_an_authentication_failure()
    {
        var endpoint = ClosedPort.Url("/mcp");
        await using var connection = McpConnection.Create(new McpConnectionOptions { Endpoint = endpoint, ClientId = "c", ClientSecret = "s3cret-closed-port", TokenRequestRetries = 0 });

        var error = await Assert.ThrowsAsync<McpConnectionException>(() => connection.ListToolsAsync());

        Assert.Equal(McpConnectionFailure.Unreachable, error.Reason);
        Assert.Equal(endpoint.GetLeftPart(UriPartial.Authority), error.Url.GetLeftPart(UriPartial.Authority));
        Assert.Contains("the discovery URL", error.Message, StringComparison.Ordinal);
        AssertOneLine(error);
    }

    [Fact]
    public async Task A_closed_token_endpoint_is_unreachable()
    {
        var tokenEndpoint = ClosedPort.Url("/token");
        using var engine = new TokenEngine(
            new McpConnectionOptions { Endpoint = new Uri("https://mcp.example/mcp"), ClientId = "c", ClientSecret = "s3cret-token", TokenEndpoint = tokenEndpoint, TokenRequestRetries = 0 },
            new FakeClock());

        var error = await Assert.ThrowsAsync<McpConnectionException>(() => engine.TokenAsync());

        AssertFailure(error, McpConnectionFailure.Unreachable, tokenEndpoint);
        Assert.Contains("the token endpoint", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "text/html", HtmlPage)]
    [InlineData(HttpStatusCode.MethodNotAllowed, "text/plain", "Method Not Allowed")]
    public async Task A_404_or_405_is_not_an_MCP_endpoint_and_the_body_is_left_out(HttpStatusCode status, string contentType, string body)
    {
        await using var stub = await LoopbackStub.StartAsync();
        stub.Fallback = Respond.Text(status, contentType, body);
        var endpoint = stub.Url("/api");
        await using var connection = McpConnection.CreateUnauthenticated(endpoint);

        var error = await Assert.ThrowsAsync<McpConnectionException>(() => connection.ListToolsAsync());

        AssertFailure(error, McpConnectionFailure.NotAnMcpEndpoint, endpoint);
        Assert.Equal(status, error.StatusCode);
        Assert.Contains($"HTTP {(int)status}", error.Message, StringComparison.Ordinal);
        Assert.Contains("path", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(body, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_web_page_answering_200_is_not_an_MCP_endpoint()
    {
        await using var stub = await LoopbackStub.StartAsync();
        stub.Fallback = Respond.Text(HttpStatusCode.OK, "text/html", HtmlPage);
        var endpoint = stub.Url("/");
        await using var connection = McpConnection.CreateUnauthenticated(endpoint);

        var error = await Assert.ThrowsAsync<McpConnectionException>(() => connection.ListToolsAsync());

        AssertFailure(error, McpConnectionFailure.NotAnMcpEndpoint, endpoint);
        Assert.DoesNotContain("DOCTYPE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_that_does_not_resolve_is_not_found()
    {
        // The .invalid top-level domain never resolves (RFC 6761), so this fails without any network.
        var endpoint = new Uri("https://nonexistent.invalid/mcp");
        await using var connection = McpConnection.CreateUnauthenticated(endpoint);

        var error = await Assert.ThrowsAsync<McpConnectionException>(() => connection.ListToolsAsync());

        AssertFailure(error, McpConnectionFailure.HostNotFound, endpoint);
        Assert.Contains("'nonexistent.invalid' was not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_untrusted_server_certificate_is_a_TLS_failure()
    {
        using var certificate = TestCertificates.SelfSigned("CN=127.0.0.1", TestCertificates.ServerUsage);
        await using var stub = await LoopbackStub.StartAsync(certificate);
        var endpoint = stub.Url("/mcp");
        Assert.Equal(Uri.UriSchemeHttps, endpoint.Scheme);
        await using var connection = McpConnection.CreateUnauthenticated(endpoint);

        var error = await Assert.ThrowsAsync<McpConnectionException>(() => connection.ListToolsAsync());

        AssertFailure(error, McpConnectionFailure.TlsFailure, endpoint);
        Assert.Contains("certificate", error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Plain_http_to_a_TLS_port_at_discovery_is_a_connection_error_that_points_at_the_scheme()
    {
        using var certificate = TestCertificates.SelfSigned("CN=127.0.0.1", TestCertificates.ServerUsage);
        await using var stub = await LoopbackStub.StartAsync(certificate);
        var endpoint = new UriBuilder(stub.Url("/mcp")) { Scheme = Uri.UriSchemeHttp }.Uri;
        await using var connection = McpConnection.Create(new McpConnectionOptions { Endpoint = endpoint, ClientId = "c", ClientSecret = "s3cret-wrong-scheme", TokenRequestRetries = 0 });

        var error = await Assert.ThrowsAsync<McpConnectionException>(() => connection.ListToolsAsync());

        Assert.Equal(McpConnectionFailure.Unreachable, error.Reason);
        Assert.Equal(endpoint.GetLeftPart(UriPartial.Authority), error.Url.GetLeftPart(UriPartial.Authority));
        Assert.Contains("The discovery URL", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check the scheme and port", error.Message, StringComparison.Ordinal);
        AssertOneLine(error);
    }

    private static void AssertFailure(McpConnectionException error, McpConnectionFailure reason, Uri url)
    {
        Assert.Equal(reason, error.Reason);
        Assert.Equal(url, error.Url);
        Assert.Contains($"'{url}'", error.Message, StringComparison.Ordinal);
        AssertOneLine(error);
    }

    private static void AssertOneLine(Exception error) => Assert.DoesNotMatch("[\r\n]", error.Message);
}
