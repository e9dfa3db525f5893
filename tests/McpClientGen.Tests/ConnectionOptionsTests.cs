using Microsoft.Extensions.Configuration;

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

    [Fact]
    public void Missing_settings_say_which_to_set_and_which_to_choose_among()
    {
        var error = Assert.Throws<InvalidOperationException>(() => McpConnection.Create(new McpConnectionOptions()));

        Assert.Equal(
            "Invalid McpConnectionOptions: the MCP connection options are incomplete: set Endpoint and ClientId, and one of ClientSecret, ClientSecretFile, " +
            "PrivateKey, PrivateKeyFile, PlatformTokenFile or ClientCertificatePath (configuration keys of the same names).",
            error.Message);
    }

    [Fact]
    public void A_missing_choice_alone_is_one_of_its_alternatives()
    {
        var options = Options(new Uri("https://mcp.example.com/mcp"));
        options.ClientSecret = null;
        options.ClientAuthentication = ClientAuthenticationMethod.PrivateKeyJwt;

        var error = Assert.Throws<InvalidOperationException>(() => McpConnection.Create(options));

        Assert.Contains("incomplete: set one of PrivateKey, PrivateKeyFile or SigningCertificate (configuration keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scheme_other_than_http_or_https_is_refused()
    {
        var error = Assert.Throws<McpAuthenticationException>(() => McpConnection.Create(Options(new Uri("ftp://127.0.0.1/mcp"))));

        Assert.Contains("'ftp://127.0.0.1/mcp' must use HTTPS", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://mcp.example.com/mcp", "mcp.example.com", false)]
    [InlineData("http://locahost:5000/mcp", "locahost", true)]
    [InlineData("http://LocalHots:5000/mcp", "localhots", true)]
    [InlineData("http://127.0.0.2.example:5000/mcp", "127.0.0.2.example", false)]
    public void Plain_http_to_another_host_is_refused_naming_the_host(string endpoint, string host, bool typo)
    {
        var error = Assert.Throws<McpAuthenticationException>(() => McpConnection.Create(Options(new Uri(endpoint))));

        var guess = typo ? " (did you mean localhost?)" : "";
        Assert.Equal(
            $"The MCP endpoint '{new Uri(endpoint)}' must use HTTPS: '{host}' is not a loopback address{guess}, " +
            "and plain HTTP is allowed only for loopback addresses (localhost, 127.0.0.1, [::1]).",
            error.Message);
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

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    public void TrustDiscoveredAuthorizationServer_is_read_from_configuration(string value, bool expected)
    {
        var options = McpConnectionOptions.FromConfiguration(Configuration(("Mcp:Crm:TrustDiscoveredAuthorizationServer", value)).GetSection("Mcp:Crm"));

        Assert.Equal(expected, options.TrustDiscoveredAuthorizationServer);
    }

    [Fact]
    public void SharedTokenStoreTimeout_is_read_from_configuration_and_must_be_positive()
    {
        var options = McpConnectionOptions.FromConfiguration(Configuration(("Mcp:Crm:SharedTokenStoreTimeout", "00:00:00.750")).GetSection("Mcp:Crm"));
        Assert.Equal(TimeSpan.FromMilliseconds(750), options.SharedTokenStoreTimeout);

        var invalid = Options(new Uri("https://mcp.example.com/mcp"));
        invalid.SharedTokenStoreTimeout = TimeSpan.Zero;
        var error = Assert.Throws<InvalidOperationException>(() => McpConnection.Create(invalid));
        Assert.Contains("SharedTokenStoreTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_TrustDiscoveredAuthorizationServer_that_is_not_a_boolean_is_refused_naming_its_key()
    {
        var section = Configuration(("Mcp:Crm:TrustDiscoveredAuthorizationServer", "yes-please")).GetSection("Mcp:Crm");

        var error = Assert.Throws<InvalidOperationException>(() => McpConnectionOptions.FromConfiguration(section));

        Assert.Contains("'Mcp:Crm:TrustDiscoveredAuthorizationServer' is not a valid Boolean", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("yes-please", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(McpConnectionOptions.AuthorizationServer))]
    [InlineData(nameof(McpConnectionOptions.TokenEndpoint))]
    public void Trusting_discovery_is_refused_when_the_configuration_names_the_server_already(string named)
    {
        var options = Options(new Uri("https://mcp.example.com/mcp"));
        options.TrustDiscoveredAuthorizationServer = true;
        options.AuthorizationServer = named == nameof(McpConnectionOptions.AuthorizationServer) ? new Uri("https://login.example.com/") : null;
        options.TokenEndpoint = named == nameof(McpConnectionOptions.TokenEndpoint) ? new Uri("https://login.example.com/token") : null;

        var error = Assert.Throws<InvalidOperationException>(() => McpConnection.Create(options));

        Assert.Contains($"TrustDiscoveredAuthorizationServer trusts the authorization server a resource names when the configuration names none, but {named} names one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_AuthorizationServerSelector_without_the_opt_in_is_refused_naming_both_ways_out()
    {
        var options = Options(new Uri("https://mcp.example.com/mcp"));
        options.AuthorizationServerSelector = listed => listed[0];

        var error = Assert.Throws<InvalidOperationException>(() => McpConnection.Create(options));

        Assert.Contains("set TrustDiscoveredAuthorizationServer to true as well, or name the issuer in AuthorizationServer", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(value => KeyValuePair.Create(value.Key, (string?)value.Value))).Build();

    private static McpConnectionOptions Options(Uri endpoint) => new() { Endpoint = endpoint, ClientId = "client", ClientSecret = "secret" };
}
