using McpClientGen.Cli.Tests.Support;
using McpClientGen.Testing;

namespace McpClientGen.Cli.Tests;

/// <summary>
/// A command line that cannot run exits with 2 (never 1, which means drift) and System.CommandLine's message on
/// standard error, before anything connects; standard output stays empty for scripts.
/// </summary>
public sealed class UsageErrorTests
{
    private const string Endpoint = "http://127.0.0.1:9/mcp";

    [Theory]
    [InlineData("Required command was not provided.")]
    [InlineData("Required argument 'endpoint' (or --stdio) missing for command: 'snapshot'.", "snapshot", "-o", "demo.mcp.json", "--client-id", "a")]
    [InlineData("Option '--output' is required.", "snapshot", Endpoint, "--client-id", "a")]
    [InlineData("Required argument 'file' missing for command: 'check'.", "check", Endpoint, "--client-id", "a")]
    [InlineData("Required argument 'endpoint' (or --stdio) missing for command: 'list'.", "list")]
    [InlineData("Required argument 'endpoint' (or --stdio) missing for command: 'check'.", "check")]
    [InlineData("Required argument 'endpoint' missing for command: 'sample'.", "sample")]
    [InlineData("Unrecognized command or argument '--stdio'.", "sample", Endpoint, "get_issue", "--stdio", "server")]
    [InlineData("Give either an endpoint or --stdio, not both.", "list", Endpoint, "--stdio", "server")]
    [InlineData("With --stdio, check takes only the file argument: remove the endpoint.", "check", "--stdio", "server", Endpoint, "demo.mcp.json")]
    [InlineData("Required argument 'file' missing for command: 'check'.", "check", "--stdio", "server")]
    [InlineData("'demo.mcp.json' is not an absolute http or https URL.", "check", "demo.mcp.json", "--no-auth")]
    [InlineData("The --stdio command line has an unterminated double quote.", "list", "--stdio", "server \"--token s3cret")]
    [InlineData("--stdio needs the command that starts the server", "snapshot", "--stdio", " ", "-o", "demo.mcp.json")]
    [InlineData("--stdio-env passes a variable to a --stdio server; give --stdio too.", "list", Endpoint, "--no-auth", "--stdio-env", "A")]
    [InlineData("--stdio-env takes the name of an environment variable", "list", "--stdio", "server", "--stdio-env", "A=1")]
    [InlineData("Required argument 'tool' missing for command: 'sample'.", "sample", Endpoint, "--client-id", "a")]
    [InlineData("'not-a-url' is not an absolute http or https URL.", "list", "not-a-url", "--client-id", "a")]
    [InlineData("'ftp://127.0.0.1/mcp' is not an absolute http or https URL.", "list", "ftp://127.0.0.1/mcp", "--client-id", "a")]
    [InlineData("Unrecognized command or argument 'fetch'.", "fetch", Endpoint)]
    [InlineData("Unrecognized command or argument '--client'.", "list", Endpoint, "--client", "a")]
    public async Task A_usage_error_exits_with_2_and_the_parser_message(string message, params string[] args)
    {
        var result = await Mcpgen.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains("--help' for usage.", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--no-auth", "list", "--stdio", "server", "--no-auth")]
    [InlineData("--client-id, --client-secret-env", "snapshot", "--stdio", "server", "-o", "demo.mcp.json", "--client-id", "a", "--client-secret-env", "S")]
    [InlineData("--private-key-file, --authorization-server", "check", "--stdio", "server", "demo.mcp.json", "--private-key-file", "k.pem", "--authorization-server", Endpoint)]
    [InlineData("--token-endpoint, --trust-discovered-authorization-server", "list", "--stdio", "server", "--token-endpoint", Endpoint, "--trust-discovered-authorization-server")]
    public async Task Stdio_with_an_authentication_option_names_the_conflict(string conflict, params string[] args)
    {
        var result = await Mcpgen.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Equal($"error: --stdio starts a local server, without authentication; remove {conflict}.\n", result.Error);
    }

    [Theory]
    [InlineData("list", Endpoint)]
    [InlineData("snapshot", Endpoint, "-o", "demo.mcp.json")]
    [InlineData("sample", Endpoint, "get_issue")]
    public async Task A_client_id_is_required_unless_no_auth(params string[] args)
    {
        var result = await Mcpgen.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Option '--client-id' is required unless --no-auth is given.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_one_line_with_the_cause()
    {
        var result = await Mcpgen.RunAsync(
            new Dictionary<string, string?> { ["MCPGEN_CLIENT_SECRET"] = "x" }, "list", "http://127.0.0.1:1/mcp", "--client-id", "a");

        Assert.Equal(2, result.ExitCode);
        var error = Assert.Single(result.Error.Split('\n'), line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains("127.0.0.1:1", error, StringComparison.Ordinal);
        Assert.Contains("Cannot connect to the discovery URL", error, StringComparison.Ordinal);
        Assert.Contains("Check that the server is running and that the host and port are right.", error, StringComparison.Ordinal);
        Assert.Contains("--verbose", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_path_is_one_line_saying_it_is_not_an_MCP_endpoint()
    {
        await using var server = await LoopbackMcpServer.StartAsync<PingTools>();
        var wrong = new Uri(server.Endpoint, "/api").AbsoluteUri;

        var result = await Mcpgen.RunAsync("list", wrong, "--no-auth");

        Assert.Equal(2, result.ExitCode);
        var error = Assert.Single(result.Error.Split('\n'), line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Equal($"error: '{wrong}' is not an MCP endpoint: the server answered the MCP handshake with HTTP 404 (NotFound). "
            + "Check the path of the URL: an MCP server serves one path, often '/mcp'.", error.TrimEnd('\r'));
    }

    [Fact]
    public async Task Plain_http_to_another_host_is_refused_by_the_runtime()
    {
        var result = await Mcpgen.RunAsync(
            new Dictionary<string, string?> { ["MCPGEN_CLIENT_SECRET"] = "x" }, "list", "http://mcp.example/mcp", "--client-id", "a");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("HTTPS", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("snapshot", "--help")]
    [InlineData("check", "-h")]
    [InlineData("list", "--help")]
    [InlineData("sample", "--help")]
    public async Task Help_goes_to_stdout_and_exits_0(params string[] args)
    {
        var result = await Mcpgen.RunAsync(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        Assert.Contains("mcpgen", result.Out, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }
}
