using McpClientGen.Cli.Tests.Support;
using McpClientGen.Testing;

namespace McpClientGen.Cli.Tests;

/// <summary><c>--no-auth</c> talks to a server that needs no authentication, without asking for any credential.</summary>
public sealed class NoAuthTests
{
    [Fact]
    public async Task Every_command_works_without_credentials()
    {
        await using var server = await LoopbackMcpServer.StartAsync<PingTools>();
        using var temp = new TempDirectory();
        var path = temp.Combine("open.mcp.json");
        var endpoint = server.Endpoint.AbsoluteUri;

        var list = await Mcpgen.RunAsync("list", endpoint, "--no-auth");
        var snapshot = await Mcpgen.RunAsync("snapshot", endpoint, "--no-auth", "-o", path);
        var check = await Mcpgen.RunAsync("check", endpoint, path, "--no-auth");

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal(["ping  Ping"], list.OutLines);
        Assert.True(snapshot.ExitCode == 0, snapshot.ToString());
        Assert.Contains("\"name\": \"ping\"", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        Assert.True(check.ExitCode == 0, check.ToString());
    }

    [Fact]
    public async Task Credentials_with_no_auth_are_refused()
    {
        var result = await Mcpgen.RunAsync("list", "http://127.0.0.1:9/mcp", "--no-auth", "--client-id", "a", "--scopes", "x");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--no-auth connects without credentials; remove --client-id, --scopes.", result.Error, StringComparison.Ordinal);
    }
}
