using McpClientGen.Cli.Tests.Support;
using McpClientGen.IntegrationTests.Stdio;
using McpClientGen.Testing;

namespace McpClientGen.Cli.Tests;

/// <summary>
/// <c>--stdio "command"</c> instead of an endpoint: snapshot, check and list start the stdio test server
/// (tests/McpClientGen.StdioTestServer) and talk to it unauthenticated.
/// </summary>
public sealed class StdioCommandTests
{
    private static readonly string Committed = RepositoryPaths.Combine("tests", "McpClientGen.IntegrationTests", "Schemas", "stdio-test.mcp.json");

    /// <summary>The command line that starts the test server, each path quoted as a shell would need.</summary>
    private static string Server => $"\"{StdioTestServer.Dotnet}\" '{StdioTestServer.Assembly}'";

    [Fact]
    public async Task Snapshot_writes_the_same_bytes_as_the_committed_stdio_snapshot()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("stdio-test.mcp.json");

        var result = await Mcpgen.RunAsync("snapshot", "--stdio", Server, "-o", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(Committed), await File.ReadAllBytesAsync(path));
        Assert.Contains($"Starting the stdio server '{StdioTestServer.Dotnet}' without authentication...", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(StdioTestServer.Assembly, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_exits_0_on_the_committed_snapshot()
    {
        var result = await Mcpgen.RunAsync("check", "--stdio", Server, Committed);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{Committed} matches the 8 tools and 2 prompts of the stdio server '{StdioTestServer.Dotnet}'.\n", result.Out);
    }

    [Fact]
    public async Task Check_exits_1_when_a_tool_is_missing_from_the_server()
    {
        using var temp = new TempDirectory();
        var edited = temp.Combine("stdio-test.mcp.json");
        var text = await File.ReadAllTextAsync(Committed);
        await File.WriteAllTextAsync(edited, text.Replace("\"name\": \"echo\"", "\"name\": \"echo_twice\"", StringComparison.Ordinal));

        var result = await Mcpgen.RunAsync("check", "--stdio", Server, edited);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("echo_twice", result.Out, StringComparison.Ordinal);
        Assert.Contains($"differs from the stdio server '{StdioTestServer.Dotnet}'", result.Out, StringComparison.Ordinal);
        Assert.Contains("mcpgen snapshot --stdio \"...\" -o", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_prints_the_tools_and_prompts()
    {
        var result = await Mcpgen.RunAsync("list", "--stdio", Server);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["count", "echo", "environment_variable_hash", "exit", "malformed_progress", "wait_until_cancelled", "working_directory", "write_stderr", "Prompts:", "greet(name, language?)  Greet"],
            result.OutLines.SkipLast(1).Select(line => line.TrimEnd()));
        Assert.StartsWith("status_report()         ", result.OutLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_exits_is_one_line_naming_the_command_and_exit_code_but_not_the_arguments()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"mcpgen-secret-{Guid.NewGuid():N}.dll");

        var result = await Mcpgen.RunAsync("list", "--stdio", $"\"{StdioTestServer.Dotnet}\" {missing}");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        var error = Assert.Single(result.Error.Split('\n'), line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Matches(
            $"^error: The stdio MCP server '{System.Text.RegularExpressions.Regex.Escape(StdioTestServer.Dotnet)}' exited with code -?[1-9][0-9]* before the MCP handshake completed\\.",
            error);
        Assert.DoesNotContain(missing, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_that_cannot_start_is_one_line_naming_it()
    {
        var result = await Mcpgen.RunAsync("list", "--stdio", "mcpgen-no-such-server-command --token s3cret");

        Assert.True(result.ExitCode == 2, result.ToString());
        var error = Assert.Single(result.Error.Split('\n'), line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.StartsWith("error: Cannot start the stdio MCP server 'mcpgen-no-such-server-command': ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stdio_env_variable_that_is_not_set_is_named()
    {
        var result = await Mcpgen.RunAsync("list", "--stdio", Server, "--stdio-env", "MCPGEN_TEST_UNSET");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: The environment variable MCPGEN_TEST_UNSET (--stdio-env) is not set.", result.Error, StringComparison.Ordinal);
    }
}
