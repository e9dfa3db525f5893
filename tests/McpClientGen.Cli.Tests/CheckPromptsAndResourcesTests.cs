using System.Text.Json.Nodes;
using McpClientGen.Cli.Tests.Support;

namespace McpClientGen.Cli.Tests;

/// <summary>
/// <c>mcpgen check</c> compares the optional arrays of snapshot format v2 as it compares tools: prompts added, removed or
/// changed (description, arguments, required flags), and resources and resource templates, exit code 1 with the same
/// kind of report. The demo server has one prompt, two resources and two templates, so resources added to its snapshot are resources the server
/// no longer has.
/// </summary>
public sealed class CheckPromptsAndResourcesTests(DemoStackFixture demo) : IClassFixture<DemoStackFixture>
{
    [Fact]
    public async Task A_changed_prompt_shows_its_changed_description_and_argument_flags_and_a_removed_prompt_is_listed()
    {
        var (path, result) = await demo.CheckEditedAsync(snapshot =>
        {
            var prompts = snapshot["prompts"]!.AsArray();
            var summarize = prompts.Single(prompt => (string?)prompt!["name"] == "summarize_ticket")!;
            summarize["description"] = "An old description.";
            summarize["arguments"]![1]!["required"] = true;
            prompts.Add(JsonNode.Parse("""{"name":"fake_prompt","arguments":[{"name":"topic","required":true}]}"""));
        });

        Assert.True(result.ExitCode == 1, result.ToString());
        var report = result.Out;
        Assert.StartsWith($"{path} differs from {demo.Endpoint}: prompts 0 added, 1 removed, 1 changed.\n", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Tools", report, StringComparison.Ordinal);
        Assert.Contains("Prompts removed (in the snapshot, no longer on the server):\n  - fake_prompt\n", report, StringComparison.Ordinal);
        Assert.Contains("Prompts changed (- snapshot, + server):\n  ~ summarize_ticket: description, arguments\n", report, StringComparison.Ordinal);
        Assert.Contains(
            "    description:\n      - An old description.\n      + Asks for a summary of a support ticket, written for one audience.\n",
            report,
            StringComparison.Ordinal);
        Assert.Contains(
            """
                arguments:
                    ...
                      {
                        "name": "audience",
                        "description": "Who reads the summary; engineers when not given.",
                  -     "required": true
                  +     "required": false
                      }
                    ]

            """.ReplaceLineEndings("\n"),
            report,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prompt_the_snapshot_lacks_is_drift()
    {
        var (path, result) = await demo.CheckEditedAsync(snapshot => snapshot.Remove("prompts"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith($"{path} differs from {demo.Endpoint}: prompts 1 added, 0 removed, 0 changed.\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("Prompts added (on the server, not in the snapshot):\n  + summarize_ticket\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resources_and_templates_the_server_no_longer_has_are_drift()
    {
        var (path, result) = await demo.CheckEditedAsync(snapshot =>
        {
            snapshot["resources"]!.AsArray().Add(JsonNode.Parse("""{"uri":"demo://docs/guide","name":"guide","mimeType":"text/markdown","size":120}"""));
            snapshot["resourceTemplates"]!.AsArray().Add(JsonNode.Parse("""{"uriTemplate":"demo://tickets/{id}","name":"ticket"}"""));
        });

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith(
            $"{path} differs from {demo.Endpoint}: resources 0 added, 1 removed, 0 changed; resource templates 0 added, 1 removed, 0 changed.\n",
            result.Out,
            StringComparison.Ordinal);
        Assert.Contains("Resources removed (in the snapshot, no longer on the server):\n  - demo://docs/guide\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("Resource templates removed (in the snapshot, no longer on the server):\n  - demo://tickets/{id}\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resource_the_snapshot_lacks_and_changed_resources_and_templates_are_drift()
    {
        var (path, result) = await demo.CheckEditedAsync(snapshot =>
        {
            var resources = snapshot["resources"]!.AsArray();
            resources.Remove(resources.Single(resource => (string?)resource!["uri"] == "demo://readme"));
            resources.Single(resource => (string?)resource!["uri"] == "demo://logo.png")!["mimeType"] = "image/gif";
            snapshot["resourceTemplates"]!.AsArray().Single(template => (string?)template!["uriTemplate"] == "demo://notes/{name}")!["name"] = "memo";
        });

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith(
            $"{path} differs from {demo.Endpoint}: resources 1 added, 0 removed, 1 changed; resource templates 0 added, 0 removed, 1 changed.\n",
            result.Out,
            StringComparison.Ordinal);
        Assert.Contains("Resources added (on the server, not in the snapshot):\n  + demo://readme\n", result.Out, StringComparison.Ordinal);
        Assert.Contains(
            "Resources changed (- snapshot, + server):\n  ~ demo://logo.png: mimeType\n    mimeType:\n      - image/gif\n      + image/png\n",
            result.Out,
            StringComparison.Ordinal);
        Assert.Contains(
            "Resource templates changed (- snapshot, + server):\n  ~ demo://notes/{name}: name\n    name:\n      - memo\n      + note\n",
            result.Out,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prompts", """[{"name":""}]""", "prompt #1 has no name")]
    [InlineData("prompts", """[{"description":"no name"}]""", "prompt #1 is not a valid MCP prompt")]
    [InlineData("prompts", """{"name":"x"}""", "its \"prompts\" is not an array")]
    [InlineData("resources", """[{"name":"no uri"}]""", "resource #1 is not a valid MCP resource")]
    [InlineData("resourceTemplates", """[{"uriTemplate":"demo://{a}","name":"a"},{"uriTemplate":"demo://{a}","name":"b"}]""", "lists the resource template 'demo://{a}' twice")]
    public async Task A_malformed_entry_is_an_error_not_drift(string array, string content, string message)
    {
        var (_, result) = await demo.CheckEditedAsync(snapshot => snapshot[array] = JsonNode.Parse(content));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}
