using Microsoft.Extensions.Configuration;

namespace McpClientGen.Tests;

/// <summary>
/// The platform-token options: bound from configuration, validated (the platform token is the one credential, from
/// exactly one source), and shown by <see cref="McpConnectionOptions.ToString"/> without anything secret.
/// </summary>
public sealed class PlatformTokenOptionsTests
{
    private const string TokenFile = "/var/run/secrets/tokens/mcp-token";

    [Fact]
    public void The_token_file_and_the_grant_are_bound_from_configuration()
    {
        var options = McpConnectionOptions.FromConfiguration(Configuration(
            ("PlatformTokenFile", TokenFile), ("GrantType", "jwtbearer"), ("ClientAuthentication", "PlatformAssertion")));

        Assert.Equal(TokenFile, options.PlatformTokenFile);
        Assert.Equal(TokenGrantType.JwtBearer, options.GrantType);
        Assert.Equal(ClientAuthenticationMethod.PlatformAssertion, options.ClientAuthentication);
    }

    [Fact]
    public void A_grant_that_does_not_parse_is_reported_with_its_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            McpConnectionOptions.FromConfiguration(new ConfigurationBuilder()
                .AddInMemoryCollection([new("Mcp:Crm:GrantType", "password")]).Build().GetSection("Mcp:Crm")));

        Assert.Contains("'Mcp:Crm:GrantType'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TokenGrantType.JwtBearer, null)]
    [InlineData(TokenGrantType.JwtBearer, "workload-client")]
    [InlineData(TokenGrantType.ClientCredentials, "federated-client")]
    public async Task A_platform_token_file_is_a_complete_credential(TokenGrantType grant, string? clientId)
    {
        var options = new McpConnectionOptions { Endpoint = new Uri("https://mcp.example.com/mcp"), ClientId = clientId, GrantType = grant, PlatformTokenFile = TokenFile };

        await using var connection = McpConnection.Create(options);

        Assert.Equal(options.Endpoint, connection.Endpoint);
    }

    /// <summary>A configuration mistake, and what the message must name.</summary>
    public static TheoryData<string, Action<McpConnectionOptions>, string> Mistakes() => new()
    {
        { "JWT-bearer without a token", options => options.GrantType = TokenGrantType.JwtBearer, "set one of PlatformTokenFile or PlatformTokenProvider" },
        { "PlatformAssertion without a token", options => options.ClientAuthentication = ClientAuthenticationMethod.PlatformAssertion, "set ClientId, and one of PlatformTokenFile or PlatformTokenProvider" },
        { "client credentials without a client id", options => options.PlatformTokenFile = TokenFile, "set ClientId" },
        { "both sources", options => { options.PlatformTokenFile = TokenFile; options.PlatformTokenProvider = Provider; }, "either PlatformTokenFile or PlatformTokenProvider" },
        { "a secret beside the token", options => { options.PlatformTokenFile = TokenFile; options.ClientSecret = "s"; }, "remove ClientSecret or ClientSecretFile" },
        { "a key beside the token", options => { options.PlatformTokenProvider = Provider; options.PrivateKey = "k"; }, "remove PrivateKey, PrivateKeyFile and SigningCertificate" },
        {
            "a secret method with the token",
            options => { options.PlatformTokenFile = TokenFile; options.ClientId = "c"; options.ClientAuthentication = ClientAuthenticationMethod.ClientSecretBasic; },
            "ClientAuthentication ClientSecretBasic cannot use a platform token"
        },
        {
            "the grant's assertion among the additional parameters",
            options => { options.PlatformTokenFile = TokenFile; options.GrantType = TokenGrantType.JwtBearer; options.AdditionalTokenParameters["assertion"] = "x"; },
            "may not set 'assertion'"
        },
        {
            "client authentication with the JWT-bearer grant",
            options => { options.PlatformTokenFile = TokenFile; options.GrantType = TokenGrantType.JwtBearer; options.ClientAuthentication = ClientAuthenticationMethod.PlatformAssertion; },
            "leave ClientAuthentication at Auto"
        },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_is_refused_naming_what_to_change(string mistake, Action<McpConnectionOptions> configure, string message)
    {
        var options = new McpConnectionOptions { Endpoint = new Uri("https://mcp.example.com/mcp") };
        configure(options);

        var error = Assert.Throws<InvalidOperationException>(() => McpConnection.Create(options));

        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), $"{mistake}: {error.Message}");
    }

    [Fact]
    public void ToString_shows_where_the_token_comes_from_and_never_a_token()
    {
        const string platformToken = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ3b3JrbG9hZCJ9.c2lnbmF0dXJl";
        var fromFile = new McpConnectionOptions { PlatformTokenFile = TokenFile, GrantType = TokenGrantType.JwtBearer };
        var fromCode = new McpConnectionOptions { PlatformTokenProvider = _ => ValueTask.FromResult(platformToken) };

        Assert.Contains($"PlatformTokenFile={TokenFile}", fromFile.ToString(), StringComparison.Ordinal);
        Assert.Contains("GrantType=JwtBearer", fromFile.ToString(), StringComparison.Ordinal);
        Assert.Contains("PlatformTokenProvider=<set>", fromCode.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", fromCode.ToString(), StringComparison.Ordinal);
    }

    private static ValueTask<string> Provider(CancellationToken cancellationToken) => ValueTask.FromResult("token");

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(value => new KeyValuePair<string, string?>(value.Key, value.Value))).Build();
}
