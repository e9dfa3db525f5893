using McpClientGen.Cli.Tests.Support;
using McpClientGen.Testing;

namespace McpClientGen.Cli.Tests;

/// <summary>
/// The client secret comes only from an environment variable, named on the command line, and is never printed: not on
/// success, not on failure, not with <c>--verbose</c>, in no encoding (<see cref="SecretForms"/>, which also finds any
/// access token or assertion by its JWT prefix).
/// </summary>
public sealed class SecretTests(DemoStackFixture demo) : IClassFixture<DemoStackFixture>
{
    /// <summary>How <c>--verbose</c> prints a log line of the MCP SDK: <c>[Level] ModelContextProtocol.…: message</c>.</summary>
    private const string SdkLogLine = "] ModelContextProtocol.";

    [Fact]
    public async Task The_secret_is_read_from_the_variable_that_client_secret_env_names()
    {
        var environment = new Dictionary<string, string?> { ["CRM_SECRET"] = demo.Stack.ClientSecret, ["MCPGEN_CLIENT_SECRET"] = "not-this-one" };

        var result = await Mcpgen.RunAsync(environment, "list", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer, "--client-secret-env", "CRM_SECRET");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("get_weather", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secret_is_read_from_MCPGEN_CLIENT_SECRET_by_default()
    {
        var result = await Mcpgen.RunAsync(demo.SecretEnvironment, "list", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("CRM_SECRET")]
    public async Task A_missing_variable_is_an_error_that_names_it(string? variable)
    {
        var before = demo.Stack.TokenRequests.Count;
        string[] args = ["list", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer];
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
            new Dictionary<string, string?> { ["MCPGEN_CLIENT_SECRET"] = "" }, "list", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("The environment variable MCPGEN_CLIENT_SECRET is not set", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_wrong_secret_fails_in_one_line_and_shows_neither_secret(bool verbose)
    {
        // Characters that every encoding changes, so a leak in any one of them has its own form to be found in.
        var wrong = "wrong +/=&%:é\"<" + demo.Stack.ClientSecret;
        string[] args = ["snapshot", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer, "-o", Path.Combine(Path.GetTempPath(), "never-written.mcp.json")];
        if (verbose)
        {
            args = [.. args, "--verbose"];
        }

        var requestsBefore = demo.Stack.TokenRequests.Count;
        var result = await Mcpgen.RunAsync(new Dictionary<string, string?> { ["MCPGEN_CLIENT_SECRET"] = wrong }, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        var error = Assert.Single(result.Error.Split('\n'), line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains("invalid_client", error, StringComparison.Ordinal);
        Assert.Equal(verbose, result.Error.Contains("   at ", StringComparison.Ordinal));
        // The server saw one request with each secret method it lists (Auto's one fallback) and refused both: no retry of a refusal.
        Assert.Equal(
            [("client_secret_basic", "invalid_client"), ("client_secret_post", "invalid_client")],
            demo.Stack.TokenRequests.Skip(requestsBefore).Select(request => (request.AuthenticationMethod, request.Error)));
        Assert.Equal(verbose, result.Error.Contains(SdkLogLine, StringComparison.Ordinal));
        AssertShowsNoSecret(result, new SecretForms().AddClientSecret(demo.Stack.ClientId, wrong));
    }

    [Fact]
    public async Task A_successful_verbose_run_shows_no_secret_and_no_token()
    {
        var result = await Mcpgen.RunAsync(demo.SecretEnvironment, "list", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer, "--verbose");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Access token for client demo-client received", result.Error, StringComparison.Ordinal);
        // The SDK's log lines are printed too, so the scan below covers them.
        Assert.Contains(SdkLogLine, result.Error, StringComparison.Ordinal);
        AssertShowsNoSecret(result, new SecretForms());
    }

    [Theory]
    [InlineData("--client-secret", "s3cr3t-value-on-the-command-line")]
    [InlineData("--client-secret=s3cr3t-value-on-the-command-line", null)]
    [InlineData("--client-secret-env", "s3cr3t-value-on-the-command-line!")]
    public async Task A_secret_on_the_command_line_is_refused_without_being_echoed(string option, string? value)
    {
        string[] args = ["list", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer, option];
        if (value is not null)
        {
            args = [.. args, value];
        }

        var result = await Mcpgen.RunAsync(demo.SecretEnvironment, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--client-secret-env", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", result.AllOutput, StringComparison.Ordinal);
    }

    /// <summary>Neither the stack's secret nor any of <paramref name="secrets"/>, in any form, in anything the run printed.</summary>
    private void AssertShowsNoSecret(CliResult result, SecretForms secrets)
    {
        var findings = secrets.AddClientSecret(demo.Stack.ClientId, demo.Stack.ClientSecret)
            .FindIn([("standard output", result.Out), ("standard error", result.Error)]);
        Assert.True(findings.Count == 0, "Leaked:\n" + string.Join("\n", findings));
    }
}
