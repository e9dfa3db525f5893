using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using McpClientGen.IntegrationTests.Support;
using McpClientGen.Testing;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpClientGen.IntegrationTests.Stdio;

/// <summary>
/// The generated client over stdio against the real stdio test server, each test with a process of its own: typed tool and
/// prompt calls, the server's stderr in the log, the process's lifetime tied to the connection's, and a crashing server.
/// </summary>
public sealed class StdioClientTests
{
    [Fact]
    public async Task A_typed_tool_call_reaches_the_server_process_with_its_arguments()
    {
        await using var connection = McpConnection.CreateStdio(StdioTestServer.Options());
        var client = new StdioTestClient(connection);

        var result = await client.EchoAsync("hi", repeat: 3);

        Assert.Equal("hi hi hi", TextOf(result));
    }

    [Fact]
    public async Task A_typed_prompt_call_returns_the_prompt_filled_in_by_the_server()
    {
        await using var connection = McpConnection.CreateStdio(StdioTestServer.Options());
        var client = new StdioTestClient(connection);

        var result = await client.GetGreetPromptAsync("Ada", language: "French");

        Assert.Equal("Greet Ada in French.", Assert.IsType<TextContentBlock>(Assert.Single(result.Messages).Content).Text);
    }

    [Fact]
    public async Task The_servers_progress_reaches_the_callers_receiver_in_order_before_the_call_returns()
    {
        await using var connection = McpConnection.CreateStdio(StdioTestServer.Options());
        var progress = new RecordingProgress();

        var result = await new StdioTestClient(connection).CountAsync(3, progress);

        Assert.Equal("3", TextOf(result));
        Assert.Equal(
            ["1/3 step 1", "2/3 step 2", "3/3 step 3"],
            progress.Reports.Select(report => $"{report.Progress}/{report.Total} {report.Message}"));
    }

    [Fact]
    public async Task Malformed_progress_notifications_are_ignored_and_the_session_serves_on()
    {
        await using var connection = McpConnection.CreateStdio(StdioTestServer.Options());
        var client = new StdioTestClient(connection);
        var first = await ProcessIdAsync(client);
        var progress = new RecordingProgress();

        var result = await client.MalformedProgressAsync(progress);

        Assert.Equal("answered", TextOf(result));
        Assert.Empty(progress.Reports);
        Assert.Equal(first, await ProcessIdAsync(client));
    }

    [Fact]
    public async Task The_servers_standard_error_is_logged_line_by_line_in_its_own_category()
    {
        using var logs = new LogCapture();
        using var loggerFactory = logs.CreateFactory();
        await using var connection = McpConnection.CreateStdio(StdioTestServer.Options(), loggerFactory);
        var client = new StdioTestClient(connection);

        await client.WriteStderrAsync("disk almost full");

        await logs.WaitForAsync(entry => entry.Category == "McpClientGen.StdioServer" && entry.Text.Contains("disk almost full", StringComparison.Ordinal));
        var entry = logs.Entries.Single(entry => entry.Category == "McpClientGen.StdioServer" && entry.Text.Contains("disk almost full", StringComparison.Ordinal));
        Assert.Equal(new EventId(6, "ServerStandardError"), entry.EventId);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.StartsWith($"{StdioTestServer.Dotnet}: disk almost full", entry.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, entry => entry.Category == typeof(StdioClientTransport).FullName && entry.Text.Contains("disk almost full", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_a_call_cancels_the_tool_in_the_server_process()
    {
        using var logs = new LogCapture();
        using var loggerFactory = logs.CreateFactory();
        await using var connection = McpConnection.CreateStdio(StdioTestServer.Options(), loggerFactory);
        var client = new StdioTestClient(connection);
        using var cancellation = new CancellationTokenSource();

        var call = client.WaitUntilCancelledAsync("report-7", cancellationToken: cancellation.Token);
        await logs.WaitForAsync(entry => entry.Category == "McpClientGen.StdioServer" && entry.Text.Contains("waiting report-7", StringComparison.Ordinal));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        // The server's own token was cancelled: only notifications/cancelled for this call does that.
        await logs.WaitForAsync(entry => entry.Category == "McpClientGen.StdioServer" && entry.Text.Contains("cancelled report-7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disposing_the_connection_ends_the_server_process()
    {
        var connection = McpConnection.CreateStdio(StdioTestServer.Options());
        var processId = await ProcessIdAsync(new StdioTestClient(connection));
        Assert.True(IsRunning(processId), "The server process is not running while its connection is open.");

        await connection.DisposeAsync();

        Assert.False(IsRunning(processId), $"The server process {processId} still runs after its connection was disposed.");
    }

    [Fact]
    public async Task A_call_in_flight_when_the_connection_is_disposed_ends_as_cancelled_not_as_a_server_exit()
    {
        using var logs = new LogCapture();
        using var loggerFactory = logs.CreateFactory();
        var connection = McpConnection.CreateStdio(StdioTestServer.Options(), loggerFactory);
        var call = new StdioTestClient(connection).WaitUntilCancelledAsync("disposed-9");
        await logs.WaitForAsync(entry => entry.Category == "McpClientGen.StdioServer" && entry.Text.Contains("waiting disposed-9", StringComparison.Ordinal));

        await connection.DisposeAsync();

        var error = await Record.ExceptionAsync(() => call);
        Assert.True(error is OperationCanceledException or ObjectDisposedException, $"The call ended with {error}.");
    }

    [Fact]
    public async Task Disposing_the_connection_while_the_session_opens_ends_the_server_process()
    {
        var marker = $"mcpgen-opening-{Guid.NewGuid():N}";
        var options = StdioTestServer.Options();
        options.Arguments.Add(marker);
        var connection = McpConnection.CreateStdio(options);
        var call = new StdioTestClient(connection).EchoAsync("hi");
        Assert.NotEmpty(ChildProcesses.WithArgument(marker));

        await connection.DisposeAsync();

        Assert.Empty(ChildProcesses.WithArgument(marker));
        await Assert.ThrowsAnyAsync<Exception>(() => call);
    }

    [Fact]
    public async Task A_server_that_exits_fails_the_call_naming_the_command_and_exit_code_and_the_next_call_starts_it_again()
    {
        await using var connection = McpConnection.CreateStdio(StdioTestServer.Options());
        var client = new StdioTestClient(connection);
        var first = await ProcessIdAsync(client);

        var error = await Assert.ThrowsAsync<McpConnectionException>(() => client.ExitAsync(7));

        Assert.Equal(McpConnectionFailure.ServerExited, error.Reason);
        Assert.Equal(connection.Endpoint, error.Url);
        Assert.Equal(
            $"The stdio MCP server '{StdioTestServer.Dotnet}' exited with code 7 during the call. " +
            "Its standard error is logged in the category 'McpClientGen.StdioServer'; the next call starts it again.",
            error.Message);
        Assert.DoesNotContain(StdioTestServer.Assembly, error.ToString(), StringComparison.Ordinal);
        Assert.Equal("hi", TextOf(await client.EchoAsync("hi")));
        Assert.NotEqual(first, await ProcessIdAsync(client));
    }

    [Fact]
    public async Task Environment_values_reach_the_server_but_never_a_log_or_an_exception()
    {
        const string Secret = "stdio-env-secret-7f3a9c2e51d84b06";
        using var logs = new LogCapture();
        using var loggerFactory = logs.CreateFactory();
        var options = StdioTestServer.Options();
        options.EnvironmentVariables["MCPGEN_TEST_API_KEY"] = Secret;
        await using var connection = McpConnection.CreateStdio(options, loggerFactory);
        var client = new StdioTestClient(connection);

        Assert.Equal(
            Sha256(Secret),
            TextOf(await client.EnvironmentVariableHashAsync("MCPGEN_TEST_API_KEY")));
        var error = await Assert.ThrowsAsync<McpConnectionException>(() => client.ExitAsync(3));

        var findings = new SecretForms().AddSecret("environment value", Secret)
            .FindIn([.. logs.Texts, ("the exception", error.ToString()), ("the endpoint", connection.Endpoint.ToString())]);
        Assert.Empty(findings);
        Assert.Contains(logs.Entries, entry => entry.Category.StartsWith("ModelContextProtocol", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, "")]
    [InlineData(true, "inherited-only-when-asked")]
    public async Task The_server_gets_this_process_environment_only_when_asked_but_always_PATH(bool inherit, string expected)
    {
        // A name of this test's own: setting it changes no other test.
        var name = $"MCPGEN_TEST_PARENT_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(name, "inherited-only-when-asked");
        try
        {
            var options = StdioTestServer.Options();
            options.InheritEnvironmentVariables = inherit;
            await using var connection = McpConnection.CreateStdio(options);
            var client = new StdioTestClient(connection);

            Assert.Equal(expected.Length == 0 ? "" : Sha256(expected), TextOf(await client.EnvironmentVariableHashAsync(name)));
            Assert.Equal(Sha256(Environment.GetEnvironmentVariable("PATH")!), TextOf(await client.EnvironmentVariableHashAsync("PATH")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public async Task The_server_runs_in_the_working_directory_given()
    {
        var directory = Directory.CreateTempSubdirectory("mcpgen-stdio-");
        try
        {
            var options = StdioTestServer.Options();
            options.WorkingDirectory = directory.FullName;
            await using var connection = McpConnection.CreateStdio(options);

            var result = await new StdioTestClient(connection).WorkingDirectoryAsync();

            Assert.Equal(Path.GetFullPath(directory.FullName).TrimEnd(Path.DirectorySeparatorChar), TextOf(result).TrimEnd(Path.DirectorySeparatorChar));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_command_that_cannot_be_started_fails_naming_it()
    {
        await using var connection = McpConnection.CreateStdio(new McpStdioServerOptions { Command = "mcpgen-no-such-server-command" });

        var error = await Assert.ThrowsAsync<McpConnectionException>(() => new StdioTestClient(connection).EchoAsync("hi"));

        Assert.Equal(McpConnectionFailure.Unreachable, error.Reason);
        Assert.Equal(new Uri("stdio:mcpgen-no-such-server-command"), error.Url);
        Assert.StartsWith("Cannot start the stdio MCP server 'mcpgen-no-such-server-command': ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_exits_before_the_handshake_fails_the_call_as_exited()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"mcpgen-missing-{Guid.NewGuid():N}.dll");
        await using var connection = McpConnection.CreateStdio(new McpStdioServerOptions { Command = StdioTestServer.Dotnet, Arguments = [missing] });

        var error = await Assert.ThrowsAsync<McpConnectionException>(() => new StdioTestClient(connection).EchoAsync("hi"));

        Assert.Equal(McpConnectionFailure.ServerExited, error.Reason);
        Assert.Matches($"^The stdio MCP server '{System.Text.RegularExpressions.Regex.Escape(StdioTestServer.Dotnet)}' exited with code -?[1-9][0-9]* before the MCP handshake completed\\. ", error.Message);
        // The server's stderr (here the host's complaint naming the missing file) is logged, never carried by the exception.
        Assert.DoesNotContain(missing, error.ToString(), StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    private static string Sha256(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string TextOf(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;

    private static async Task<int> ProcessIdAsync(StdioTestClient client) =>
        int.Parse(TextOf(await client.WriteStderrAsync("process id asked")), CultureInfo.InvariantCulture);

    internal static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
