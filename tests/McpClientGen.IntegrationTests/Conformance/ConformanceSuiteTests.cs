using McpClientGen.Testing;
namespace McpClientGen.IntegrationTests.Conformance;

/// <summary>
/// The MCP project's conformance suite against <c>tests/ConformanceClient</c>, which is built on generated clients and
/// this runtime's auth. A scenario passes only with no FAILURE, no WARNING and at least one real check: a client that
/// does nothing gets "Passed: 0/0", which is not a pass.
/// </summary>
public sealed class ConformanceSuiteTests
{
    [Theory]
    [InlineData("initialize")]
    [InlineData("tools_call")]
    [InlineData("auth/client-credentials-basic")]
    [InlineData("auth/client-credentials-jwt")]
    [InlineData("auth/resource-mismatch")]
    public async Task Scenario_passes_every_check(string scenario)
    {
        var run = await ConformanceSuite.RunAsync(scenario);

        Assert.True(run.Verdicts.Count > 0, $"{scenario} reported no checks; the client did nothing the suite could judge.\n{run.Output}");
        Assert.True(run.Problems.Length == 0, $"{scenario} failed checks:\n{run.Problems}\n\n{run.Output}");
        Assert.All(run.Verdicts, check => Assert.Equal("SUCCESS", check.Status));
    }

    [Fact]
    public async Task An_unknown_scenario_makes_the_client_exit_with_an_error()
    {
        var run = await ConformanceSuite.RunAsync("auth/metadata-default");

        Assert.Contains("is not supported by this client", run.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, run.ExitCode);
    }

    [Theory]
    [InlineData("tools_call", "conformance-tools")]
    [InlineData("auth/client-credentials-basic", "conformance-auth")]
    public async Task The_committed_snapshot_matches_the_suite_server(string scenario, string snapshot)
    {
        var captured = Path.Combine(Path.GetTempPath(), $"mcpgen-{Guid.NewGuid():N}.mcp.json");
        try
        {
            await ConformanceSuite.RunAsync(scenario, new Dictionary<string, string> { ["MCPGEN_CAPTURE_SNAPSHOT"] = captured });
            var committed = RepositoryPaths.Combine("schemas", snapshot + ".mcp.json");
            if (Environment.GetEnvironmentVariable("MCPGEN_UPDATE_SNAPSHOTS") == "1")
            {
                File.Copy(captured, committed, overwrite: true);
            }

            Assert.Equal(await File.ReadAllTextAsync(committed), await File.ReadAllTextAsync(captured));
        }
        finally
        {
            File.Delete(captured);
        }
    }
}
