using System.Diagnostics;
using McpClientGen.Cli.Tests.Support;
using McpClientGen.Testing;

namespace McpClientGen.Cli.Tests;

/// <summary>
/// The built tool as a separate process, the way CI runs it: arguments from the command line, the secret from the
/// process environment, the exit code from the process.
/// </summary>
public sealed class ToolProcessTests(DemoStackFixture demo) : IClassFixture<DemoStackFixture>
{
    [Fact]
    public async Task The_built_tool_snapshots_and_checks_the_demo_server()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("demo.mcp.json");

        var snapshot = await RunToolAsync("snapshot", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer, "-o", path);
        var check = await RunToolAsync("check", demo.Endpoint, path, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer);
        await File.WriteAllTextAsync(path, """{"tools":[]}""");
        var drift = await RunToolAsync("check", demo.Endpoint, path, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer);

        Assert.True(snapshot.ExitCode == 0, snapshot.ToString());
        Assert.Equal(path, snapshot.Out.Trim());
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.True(drift.ExitCode == 1, drift.ToString());
        Assert.Contains("19 added, 0 removed, 0 changed", drift.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(demo.Stack.ClientSecret, snapshot.AllOutput + check.AllOutput + drift.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_usage_error_exits_the_process_with_2()
    {
        var result = await RunToolAsync("snapshot");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Required argument 'endpoint' (or --stdio) missing for command: 'snapshot'.", result.Error, StringComparison.Ordinal);
    }

    private async Task<CliResult> RunToolAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryPaths.Root };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["MCPGEN_CLIENT_SECRET"] = demo.Stack.ClientSecret;
        var result = await ChildProcess.RunAsync(start, Mcpgen.Limit);
        return new CliResult(result.ExitCode, result.Output, result.Error);
    }
}
