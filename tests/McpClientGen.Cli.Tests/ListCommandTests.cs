using System.Text.Json.Nodes;
using McpClientGen.Cli.Tests.Support;
using McpClientGen.Testing;

namespace McpClientGen.Cli.Tests;

/// <summary>
/// <c>mcpgen list</c> prints the server's tools, one per line, sorted by name, with their titles, then its prompts with
/// their arguments (optional ones marked <c>?</c>).
/// </summary>
public sealed class ListCommandTests(DemoStackFixture demo) : IClassFixture<DemoStackFixture>
{
    [Fact]
    public async Task Lists_the_demo_tools_sorted_by_name_with_their_titles_then_the_prompt_resources_and_templates()
    {
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.Combine("schemas", "demo.mcp.json")))!["tools"]!.AsArray();
        var expected = committed.Select(tool => (string)tool!["name"]!).Order(StringComparer.Ordinal).ToList();

        var result = await Mcpgen.RunAsync(demo.SecretEnvironment, "list", demo.Endpoint, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, result.OutLines.TakeWhile(line => line != "Prompts:").Select(line => line.Split(' ')[0]));
        Assert.Contains("convert_temperature      Convert temperature", result.OutLines);
        Assert.Contains("divide                   Divide", result.OutLines);
        Assert.Equal(
            "Prompts:\nsummarize_ticket(ticket, audience?)  Summarize ticket\n\n"
                + "Resources:\ndemo://logo.png  logo\ndemo://readme    Read me\n\n"
                + "Resource templates:\ndemo://files/{+path}    file\ndemo://notes/{name}     Note\ndemo://search{?q,lang}  search\n",
            result.Out[(result.Out.IndexOf("\n\nPrompts:", StringComparison.Ordinal) + 2)..]);
        Assert.Contains("lists 19 tools, 1 prompt, 2 resources and 3 resource templates.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_auth_a_protected_server_is_a_one_line_error()
    {
        var result = await Mcpgen.RunAsync("list", demo.Endpoint, "--no-auth");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        var error = Assert.Single(result.Error.Split('\n'), line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains("The server requires authentication (HTTP 401)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
