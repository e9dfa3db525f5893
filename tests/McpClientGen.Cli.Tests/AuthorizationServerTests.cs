using McpClientGen.Cli.Tests.Support;

namespace McpClientGen.Cli.Tests;

/// <summary>
/// The credentials go only to the authorization server the command line names (<c>--authorization-server</c>, or the
/// token endpoint of <c>--token-endpoint</c>), or, with <c>--trust-discovered-authorization-server</c>, to the one the
/// endpoint's metadata names; without any of them nothing is sent and the error says what to give.
/// </summary>
public sealed class AuthorizationServerTests(DemoStackFixture demo) : IClassFixture<DemoStackFixture>
{
    private const string Endpoint = "http://127.0.0.1:9/mcp";

    [Fact]
    public async Task Without_a_named_server_nothing_is_sent_and_the_error_names_the_issuer_and_the_flags()
    {
        var before = demo.Stack.TokenRequests.Count;

        var result = await Mcpgen.RunAsync(demo.SecretEnvironment, "list", demo.Endpoint, "--client-id", demo.Stack.ClientId);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        var error = Assert.Single(result.Error.Split('\n'), line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains($"set AuthorizationServer to '{demo.Issuer}'", error, StringComparison.Ordinal);
        Assert.Contains(
            "On the command line: AuthorizationServer is --authorization-server, TokenEndpoint is --token-endpoint, " +
            "TrustDiscoveredAuthorizationServer is --trust-discovered-authorization-server.",
            error,
            StringComparison.Ordinal);
        Assert.Equal(before, demo.Stack.TokenRequests.Count);
    }

    [Fact]
    public async Task Trusting_the_discovered_server_lists_the_tools()
    {
        var result = await Mcpgen.RunAsync(
            demo.SecretEnvironment, "list", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--trust-discovered-authorization-server");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("get_weather", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_the_endpoint_does_not_list_gets_nothing()
    {
        var before = demo.Stack.TokenRequests.Count;

        var result = await Mcpgen.RunAsync(
            demo.SecretEnvironment, "list", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--authorization-server", "http://127.0.0.1:9/elsewhere");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not 'http://127.0.0.1:9/elsewhere', the one AuthorizationServer names", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, demo.Stack.TokenRequests.Count);
    }

    [Theory]
    [InlineData("--authorization-server and --token-endpoint", "--authorization-server", "https://login.example.com/", "--token-endpoint", "https://login.example.com/token")]
    [InlineData("--authorization-server and --trust-discovered-authorization-server", "--authorization-server", "https://login.example.com/", "--trust-discovered-authorization-server")]
    [InlineData("--token-endpoint and --trust-discovered-authorization-server", "--token-endpoint", "https://login.example.com/token", "--trust-discovered-authorization-server")]
    public async Task More_than_one_way_to_name_the_server_is_a_usage_error(string named, params string[] options)
    {
        var result = await Mcpgen.RunAsync(demo.SecretEnvironment, ["list", Endpoint, "--client-id", "a", .. options]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            $"Give one of --authorization-server, --token-endpoint and --trust-discovered-authorization-server, not {named}.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_auth_refuses_the_flags_that_name_where_credentials_go()
    {
        var result = await Mcpgen.RunAsync(
            "list", Endpoint, "--no-auth", "--authorization-server", "https://login.example.com/", "--trust-discovered-authorization-server");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "--no-auth connects without credentials; remove --authorization-server, --trust-discovered-authorization-server.", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("snapshot")]
    [InlineData("check")]
    public async Task Help_describes_the_flags(string command)
    {
        var result = await Mcpgen.RunAsync(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--authorization-server <issuer>", result.Out, StringComparison.Ordinal);
        Assert.Contains("the credentials are sent to no other server", result.Out, StringComparison.Ordinal);
        Assert.Contains("--trust-discovered-authorization-server", result.Out, StringComparison.Ordinal);
    }
}
