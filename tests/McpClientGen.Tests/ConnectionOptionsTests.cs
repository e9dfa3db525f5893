namespace McpClientGen.Tests;

/// <summary>Options validation, the HTTPS rule and secret redaction.</summary>
public sealed class ConnectionOptionsTests
{
    [Fact]
    public void Missing_settings_are_named_by_their_configuration_keys()
    {
        var error = Assert.Throws<InvalidOperationException>(() => McpConnection.Create(new McpConnectionOptions { ClientSecret = "x" }));

        Assert.Contains("Endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("ClientId", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ClientSecret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://mcp.example.com/mcp")]
    [InlineData("ftp://127.0.0.1/mcp")]
    public void Plain_http_is_refused_except_on_loopback(string endpoint)
    {
        var error = Assert.Throws<McpAuthenticationException>(() => McpConnection.Create(Options(new Uri(endpoint))));

        Assert.Contains(endpoint, error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTPS", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/mcp")]
    [InlineData("http://localhost:5000/mcp")]
    [InlineData("http://[::1]:5000/mcp")]
    [InlineData("https://mcp.example.com/mcp")]
    public async Task Https_and_loopback_endpoints_are_accepted(string endpoint)
    {
        await using var connection = McpConnection.Create(Options(new Uri(endpoint)));

        Assert.Equal(new Uri(endpoint), connection.Endpoint);
    }

    [Fact]
    public void Secrets_and_tokens_never_appear_in_ToString()
    {
        const string secret = "s3cr3t-value-that-must-not-leak";
        const string token = "eyJhbGciOiJFUzI1NiJ9.token-value-that-must-not-leak";
        var options = Options(new Uri("https://mcp.example.com/mcp"));
        options.ClientSecret = secret;

        Assert.DoesNotContain(secret, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(token, new AccessToken(token, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), TimeSpan.FromSeconds(60), 0.8).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Short_lived_tokens_keep_three_quarters_of_their_life()
    {
        var issued = DateTimeOffset.UnixEpoch;

        Assert.Equal(issued.AddSeconds(60 - 15), new AccessToken("t", issued, issued.AddSeconds(60), TimeSpan.FromSeconds(60), 1).UsableUntil);
        Assert.Equal(issued.AddHours(1).AddSeconds(-60), new AccessToken("t", issued, issued.AddHours(1), TimeSpan.FromSeconds(60), 1).UsableUntil);
    }

    private static McpConnectionOptions Options(Uri endpoint) => new() { Endpoint = endpoint, ClientId = "client", ClientSecret = "secret" };
}
