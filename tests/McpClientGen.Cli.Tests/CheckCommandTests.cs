using System.Text.Json;
using System.Text.Json.Nodes;
using McpClientGen.Cli.Tests.Support;

namespace McpClientGen.Cli.Tests;

/// <summary>
/// <c>mcpgen check</c> exits 0 when the server's tools (and prompts, see <see cref="CheckPromptsAndResourcesTests"/>)
/// equal the snapshot's and 1 with a readable diff when they do not; the server's version and the file's formatting are
/// not drift.
/// </summary>
public sealed class CheckCommandTests(DemoStackFixture demo) : IClassFixture<DemoStackFixture>
{
    [Fact]
    public async Task The_committed_demo_snapshot_has_not_drifted()
    {
        var result = await demo.CheckAsync(DemoCheck.CommittedSnapshot);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{DemoCheck.CommittedSnapshot} matches the 19 tools, 1 prompt, 2 resources and 3 resource templates of {demo.Endpoint}.\n", result.Out);
    }

    [Fact]
    public async Task A_modified_snapshot_shows_the_added_removed_and_changed_tools()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("demo.mcp.json");
        var snapshot = DemoCheck.LoadCommitted();
        var tools = snapshot["tools"]!.AsArray();
        // The server has divide and the snapshot no longer does: divide was added on the server.
        tools.Remove(tools.Single(tool => (string?)tool!["name"] == "divide"));
        // The snapshot has a tool the server does not: it was removed from the server.
        tools.Add(JsonNode.Parse("""{"name":"fake_tool","inputSchema":{"type":"object"}}"""));
        var weather = tools.Single(tool => (string?)tool!["name"] == "get_weather")!;
        weather["description"] = "An old description.";
        weather["inputSchema"]!["properties"]!["city"]!["type"] = "integer";
        await File.WriteAllTextAsync(path, snapshot.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var result = await demo.CheckAsync(path);

        Assert.True(result.ExitCode == 1, result.ToString());
        var report = result.Out;
        Assert.StartsWith($"{path} differs from {demo.Endpoint}: tools 1 added, 1 removed, 1 changed.\n", report, StringComparison.Ordinal);
        Assert.Contains("Tools added (on the server, not in the snapshot):\n  + divide\n", report, StringComparison.Ordinal);
        Assert.Contains("Tools removed (in the snapshot, no longer on the server):\n  - fake_tool\n", report, StringComparison.Ordinal);
        Assert.Contains("  ~ get_weather: description, inputSchema\n", report, StringComparison.Ordinal);
        var currentDescription = DemoCheck.LoadCommitted()["tools"]!.AsArray().Single(tool => (string?)tool!["name"] == "get_weather")!["description"]!.GetValue<string>();
        Assert.Contains($"    description:\n      - An old description.\n      + {currentDescription}\n", report, StringComparison.Ordinal);
        Assert.Contains(
            """
                inputSchema:
                    ...
                      "properties": {
                        "city": {
                          "description": "The city's name, e.g. 'Oslo'.",
                  -       "type": "integer"
                  +       "type": "string"
                        }
                      },
                      "required": [
                    ...

            """.ReplaceLineEndings("\n"),
            report,
            StringComparison.Ordinal);
        Assert.Contains("mcpgen snapshot", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_schema_shows_only_the_lines_around_a_change()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("demo.mcp.json");
        var snapshot = DemoCheck.LoadCommitted();
        var trip = snapshot["tools"]!.AsArray().Single(tool => (string?)tool!["name"] == "plan_trip")!;
        trip["inputSchema"]!["properties"]!["traveler"]!["properties"]!["name"]!["description"] = "Who travels.";
        await File.WriteAllTextAsync(path, snapshot.ToJsonString());

        var result = await demo.CheckAsync(path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("  ~ plan_trip: inputSchema\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("-           \"description\": \"Who travels.\",\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("+           \"description\": \"The traveler's full name.\",\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("        ...\n", result.Out, StringComparison.Ordinal);
        Assert.True(result.OutLines.Length < 25, result.Out);
    }

    [Fact]
    public async Task A_new_server_version_is_a_note_not_drift()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("demo.mcp.json");
        var snapshot = DemoCheck.LoadCommitted();
        snapshot["server"]!["version"] = "0.9.0";
        snapshot["protocolVersion"] = "2025-06-18";
        await File.WriteAllTextAsync(path, snapshot.ToJsonString());

        var result = await demo.CheckAsync(path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Note: the snapshot is of demo 0.9.0, the server is demo 1.0.0.", result.Error, StringComparison.Ordinal);
        Assert.Contains("Note: the snapshot was taken with protocol 2025-06-18", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Formatting_escaping_and_annotation_key_order_are_not_drift()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("demo.mcp.json");
        var snapshot = DemoCheck.LoadCommitted();
        foreach (var tool in snapshot["tools"]!.AsArray())
        {
            if (tool!["annotations"] is JsonObject annotations)
            {
                tool["annotations"] = new JsonObject(annotations.Reverse().Select(pair => KeyValuePair.Create(pair.Key, pair.Value?.DeepClone())));
            }
        }

        // Compact, with every non-ASCII character escaped: nothing like what the snapshot writer writes.
        await File.WriteAllTextAsync(path, snapshot.ToJsonString(new JsonSerializerOptions()));

        var result = await demo.CheckAsync(path);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Theory]
    [InlineData("bare tools/list result")]
    [InlineData("bare array")]
    public async Task The_other_forms_the_generator_accepts_are_read_too(string form)
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("demo.mcp.json");
        var tools = DemoCheck.LoadCommitted()["tools"]!.DeepClone();
        JsonNode document = form == "bare array" ? tools : new JsonObject { ["tools"] = tools };
        await File.WriteAllTextAsync(path, document.ToJsonString());

        var result = await demo.CheckAsync(path);

        // Neither form can hold prompts, so the server's prompt is not drift.
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{path} matches the 19 tools of {demo.Endpoint}.\n", result.Out);
    }

    [Theory]
    [InlineData(null, "Cannot read the snapshot")]
    [InlineData("{ not json", "is not a snapshot")]
    [InlineData("""{"server":{"name":"x","version":"1"}}""", "has no \"tools\" array")]
    [InlineData("""{"tools":[{"name":"a","inputSchema":{"type":"object"}},{"name":"a","inputSchema":{"type":"object"}}]}""", "lists the tool 'a' twice")]
    [InlineData("""{"tools":[{"inputSchema":{"type":"object"}}]}""", "tool #1")]
    public async Task An_unusable_snapshot_is_an_error_not_drift(string? content, string message)
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("demo.mcp.json");
        if (content is not null)
        {
            await File.WriteAllTextAsync(path, content);
        }

        var tokensBefore = demo.Stack.TokenRequests.Count;
        var result = await demo.CheckAsync(path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        // Only a duplicate needs the server's list to be found; everything else fails before connecting.
        if (!message.Contains("twice", StringComparison.Ordinal))
        {
            Assert.Equal(tokensBefore, demo.Stack.TokenRequests.Count);
        }
    }

    [Fact]
    public async Task An_overlay_beside_the_snapshot_is_not_drift()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("demo.mcp.json");
        File.Copy(DemoCheck.CommittedSnapshot, path);
        // An outputSchema for a tool that has none, and a refined input: what the server does not publish is no drift.
        await File.WriteAllTextAsync(temp.Combine("demo.overlay.json"), """
            {"tools": {"get_issue": {
              "outputSchema": {"type": "object", "properties": {"number": {"type": "integer"}}, "required": ["number"]},
              "inputSchema": {"properties": {"issue_number": {"type": "integer"}}}
            }}}
            """);

        var result = await demo.CheckAsync(path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{path} matches the 19 tools, 1 prompt, 2 resources and 3 resource templates of {demo.Endpoint}.\n", result.Out);
    }

    [Fact]
    public async Task An_overlay_is_not_checked_in_place_of_its_snapshot()
    {
        var tokensBefore = demo.Stack.TokenRequests.Count;

        var result = await demo.CheckAsync("schemas/demo.overlay.json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(
            "schemas/demo.overlay.json is an overlay, which holds what you add, not what the server publishes: check the snapshot schemas/demo.mcp.json.",
            result.Error,
            StringComparison.Ordinal);
        Assert.Equal(tokensBefore, demo.Stack.TokenRequests.Count);
    }
}
