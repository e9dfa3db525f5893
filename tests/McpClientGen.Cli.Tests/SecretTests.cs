using McpClientGen.Cli.Tests.Support;

namespace McpClientGen.Cli.Tests;

/// <summary>
/// The client secret comes only from an environment variable, named on the command line, and is never printed: not on
/// success, not on failure, not with <c>--verbose</c>.
/// </summary>
public sealed class SecretTests(DemoStackFixture demo) : IClassFixture<DemoStackFixture>
{
    /// <summary>Access tokens and client assertions are JWTs, whose text always starts with <c>eyJ</c>.</summary>
    private const string JwtPrefix = "eyJ";

    [Fact]
    public async Task The_secret_is_read_from_the_variable_that_client_secret_env_names()
    {
        var environment = new Dictionary<string, string?> { ["CRM_SECRET"] = demo.Stack.ClientSecret, ["MCPGEN_CLIENT_SECRET"] = "not-this-one" };

        var result = await Mcpgen.RunAsync(environment, "list", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--client-secret-env", "CRM_SECRET");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("get_weather", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secret_is_read_from_MCPGEN_CLIENT_SECRET_by_default()
    {
        var result = await Mcpgen.RunAsync(demo.SecretEnvironment, "list", demo.Endpoint, "--client-id", demo.Stack.ClientId);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("CRM_SECRET")]
    public async Task A_missing_variable_is_an_error_that_names_it(string? variable)
    {
        var before = demo.Stack.TokenRequests.Count;
        string[] args = ["list", demo.Endpoint, "--client-id", demo.Stack.ClientId];
        if (variable is not null)
        {
            args = [.. args, "--client-secret-env", variable];
        }

        var result = await Mcpgen.RunAsync(new Dictionary<string, string?> { ["OTHER"] = "x" }, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains($"The environment variable {variable ?? "MCPGEN_CLIENT_SECRET"} is not set", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Connecting", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, demo.Stack.TokenRequests.Count);
    }

    [Fact]
    public async Task An_empty_variable_counts_as_missing()
    {
        var result = await Mcpgen.RunAsync(
            new Dictionary<string, string?> { ["MCPGEN_CLIENT_SECRET"] = "" }, "list", demo.Endpoint, "--client-id", demo.Stack.ClientId);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("The environment variable MCPGEN_CLIENT_SECRET is not set", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_wrong_secret_fails_in_one_line_and_shows_neither_secret(bool verbose)
    {
        var wrong = "wrong-" + demo.Stack.ClientSecret;
        string[] args = ["snapshot", demo.Endpoint, "--client-id", demo.Stack.ClientId, "-o", Path.Combine(Path.GetTempPath(), "never-written.mcp.json")];
        if (verbose)
        {
            args = [.. args, "--verbose"];
        }

        var result = await Mcpgen.RunAsync(new Dictionary<string, string?> { ["MCPGEN_CLIENT_SECRET"] = wrong }, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        var error = Assert.Single(result.Error.Split('\n'), line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains("invalid_client", error, StringComparison.Ordinal);
        Assert.Equal(verbose, result.Error.Contains("   at ", StringComparison.Ordinal));
        Assert.DoesNotContain(demo.Stack.ClientSecret, result.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(JwtPrefix, result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_successful_verbose_run_shows_no_secret_and_no_token()
    {
        var result = await Mcpgen.RunAsync(demo.SecretEnvironment, "list", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--verbose");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Access token for client demo-client received", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(demo.Stack.ClientSecret, result.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(JwtPrefix, result.AllOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--client-secret", "s3cr3t-value-on-the-command-line")]
    [InlineData("--client-secret=s3cr3t-value-on-the-command-line", null)]
    [InlineData("--client-secret-env", "s3cr3t-value-on-the-command-line!")]
    public async Task A_secret_on_the_command_line_is_refused_without_being_echoed(string option, string? value)
    {
        string[] args = ["list", demo.Endpoint, "--client-id", demo.Stack.ClientId, option];
        if (value is not null)
        {
            args = [.. args, value];
        }

        var result = await Mcpgen.RunAsync(demo.SecretEnvironment, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--client-secret-env", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", result.AllOutput, StringComparison.Ordinal);
    }
}
