using McpClientGen.Cli.Tests.Support;
using McpClientGen.IntegrationTests.Support;

namespace McpClientGen.Cli.Tests;

/// <summary>
/// <c>mcpgen sample</c> against the demo server's <c>get_issue</c>, a text-only tool without an output schema: two
/// samples give the schema of a GitHub issue, merged into an overlay that keeps what else it holds.
/// </summary>
public sealed class SampleCommandTests(DemoStackFixture demo) : IClassFixture<DemoStackFixture>
{
    /// <summary>What sampling get_issue with detail summary, then full, writes; the integration tests type the tool with it.</summary>
    private const string SampledOverlay = "tests/McpClientGen.IntegrationTests/Schemas/sampled.overlay.json";

    private const string Summary = """{"owner": "octo", "repo": "demo", "issue_number": 1, "detail": "summary"}""";

    private const string Full = """{"owner": "octo", "repo": "demo", "issue_number": 2, "detail": "full"}""";

    [Fact]
    public async Task Summary_then_full_gives_the_schema_of_an_issue_with_a_nullable_body()
    {
        using var temp = new TempDirectory();
        var overlay = temp.Combine("schemas", "demo.overlay.json");

        var first = await SampleAsync("get_issue", "--arguments", Summary, "--overlay", overlay);
        var afterSummary = await File.ReadAllTextAsync(overlay);
        var second = await SampleAsync("get_issue", "--arguments", Full, "--overlay", overlay);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(overlay + "\n", second.Out);
        Assert.Contains($"Wrote the inferred outputSchema of get_issue to {overlay}.", first.Error, StringComparison.Ordinal);
        Assert.Contains($"Wrote the outputSchema refined by this sample of get_issue to {overlay}.", second.Error, StringComparison.Ordinal);
        // Only null was seen for the body after the summary; the full issue makes it a string or null.
        Assert.Contains(""""
                      "body": {
                        "type": "null"
                      },
            """".ReplaceLineEndings("\n"), afterSummary, StringComparison.Ordinal);
        Assert.Equal(ExpectedIssueOverlay, await File.ReadAllTextAsync(overlay));
    }

    [Fact]
    public async Task The_committed_sampled_overlay_is_what_sample_writes()
    {
        using var temp = new TempDirectory();
        var overlay = temp.Combine("sampled.overlay.json");

        Assert.Equal(0, (await SampleAsync("get_issue", "-a", Summary, "--overlay", overlay)).ExitCode);
        Assert.Equal(0, (await SampleAsync("get_issue", "-a", Full, "--overlay", overlay)).ExitCode);

        await CommittedSnapshot.AssertMatchesAsync(SampledOverlay, await File.ReadAllTextAsync(overlay));
    }

    [Fact]
    public async Task A_sample_that_fits_leaves_the_overlay_untouched()
    {
        using var temp = new TempDirectory();
        var overlay = temp.Combine("demo.overlay.json");
        await File.WriteAllTextAsync(overlay, ExpectedIssueOverlay);
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(overlay, written);

        var result = await SampleAsync("get_issue", "-a", Summary.Replace("1", "9", StringComparison.Ordinal), "--overlay", overlay);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{overlay} is up to date: this sample fits its outputSchema of get_issue.", result.Error, StringComparison.Ordinal);
        Assert.Equal(written, File.GetLastWriteTimeUtc(overlay));
    }

    [Fact]
    public async Task A_keyword_the_sample_violates_is_dropped_with_a_note()
    {
        using var temp = new TempDirectory();
        var overlay = temp.Combine("demo.overlay.json");
        const string State = "\"state\": {\n            \"type\": \"string\"\n          }";
        Assert.Contains(State, ExpectedIssueOverlay, StringComparison.Ordinal);
        await File.WriteAllTextAsync(overlay, ExpectedIssueOverlay.Replace(State, "\"state\": {\n            \"type\": \"string\",\n            \"enum\": [\"closed\"]\n          }", StringComparison.Ordinal));

        // Issue 1 is open.
        var result = await SampleAsync("get_issue", "-a", Full.Replace("2", "1", StringComparison.Ordinal), "--overlay", overlay);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Note: dropped \"enum\" at tools.get_issue.outputSchema.properties.state: this sample does not satisfy it.\n", result.Error, StringComparison.Ordinal);
        Assert.Equal(ExpectedIssueOverlay, await File.ReadAllTextAsync(overlay));
    }

    [Fact]
    public async Task Without_an_overlay_the_fragment_goes_to_stdout()
    {
        var result = await SampleAsync("get_issue", "--arguments", Full);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("{\n  \"tools\": {\n    \"get_issue\": {\n      \"outputSchema\": {\n        \"type\": \"object\",", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"body\": {\n            \"type\": \"string\"\n          },", result.Out, StringComparison.Ordinal);
        Assert.Contains("Calling get_issue...", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rest_of_the_overlay_is_kept()
    {
        using var temp = new TempDirectory();
        var overlay = temp.Combine("demo.overlay.json");
        await File.WriteAllTextAsync(overlay, """
            {
              "tools": {
                "get_issue": {
                  "inputSchema": { "properties": { "issue_number": { "type": "integer" } } }
                },
                "add": { "outputSchema": { "type": "object", "properties": { "sum": { "type": "number" } } } }
              }
            }
            """);

        var result = await SampleAsync("get_issue", "-a", Full, "--overlay", overlay);

        Assert.True(result.ExitCode == 0, result.ToString());
        var text = await File.ReadAllTextAsync(overlay);
        Assert.StartsWith("""
            {
              "tools": {
                "add": {
                  "outputSchema": {
                    "type": "object",
                    "properties": {
                      "sum": {
                        "type": "number"
                      }
                    }
                  }
                },
                "get_issue": {
                  "inputSchema": {
                    "properties": {
                      "issue_number": {
                        "type": "integer"
                      }
                    }
                  },
                  "outputSchema": {
                    "type": "object",
            """.ReplaceLineEndings("\n"), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overlay_that_is_not_json_is_left_as_it_is_and_the_tool_is_not_called()
    {
        using var temp = new TempDirectory();
        var overlay = temp.Combine("demo.overlay.json");
        const string Broken = "{ \"tools\": { \"get_issue\": { \"outputSchema\": { \"type\": \"object\" }, } }\n";
        await File.WriteAllTextAsync(overlay, Broken);
        var requestsBefore = demo.Stack.McpRequestCount;

        var result = await SampleAsync("get_issue", "-a", Full, "--overlay", overlay);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        var error = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {overlay} is not an overlay: it is not valid JSON (", error, StringComparison.Ordinal);
        Assert.EndsWith("It was left as it is; fix it, or give another --overlay.", error, StringComparison.Ordinal);
        Assert.Equal(Broken, await File.ReadAllTextAsync(overlay));
        Assert.Equal(requestsBefore, demo.Stack.McpRequestCount);
    }

    [Fact]
    public async Task An_output_schema_that_cannot_be_refined_is_left_as_it_is()
    {
        using var temp = new TempDirectory();
        var overlay = temp.Combine("demo.overlay.json");
        const string Edited = """{"tools":{"get_issue":{"outputSchema":{"type":"object","required":"number"}}}}""";
        await File.WriteAllTextAsync(overlay, Edited);

        var result = await SampleAsync("get_issue", "-a", Full, "--overlay", overlay);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(
            $"error: {overlay}: tools.get_issue.outputSchema.required is not an array of strings, so the sample cannot be merged into it. It was left as it is",
            result.Error,
            StringComparison.Ordinal);
        Assert.Equal(Edited, await File.ReadAllTextAsync(overlay));
    }

    [Fact]
    public async Task An_unknown_tool_is_named_with_the_closest_ones()
    {
        var result = await SampleAsync("get_isue", "-a", Full);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        Assert.True(
            result.Error.Contains("error: The server has no tool 'get_isue': did you mean get_issue? (mcpgen list shows them all)\n", StringComparison.Ordinal),
            result.ToString());
    }

    [Fact]
    public async Task A_tool_error_shows_the_server_message_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        var overlay = temp.Combine("demo.overlay.json");

        var result = await SampleAsync("get_issue", "-a", """{"owner": "octo", "repo": "demo", "issue_number": 1.5, "detail": "full"}""", "--overlay", overlay);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: get_issue answered with an error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("'issue_number' must be a whole number of at least 1.", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(overlay));
    }

    [Theory]
    [InlineData("[1, 2]", "--arguments takes a JSON object, such as '{\"owner\": \"octo\"}', not a JSON array.")]
    [InlineData("\"owner\"", "--arguments takes a JSON object, such as '{\"owner\": \"octo\"}', not a JSON string.")]
    [InlineData("{owner: 1}", "--arguments takes a JSON object, such as '{\"owner\": \"octo\"}': ")]
    [InlineData("""{"a": 1, "a": 2}""", "--arguments takes a JSON object, such as '{\"owner\": \"octo\"}': ")]
    public async Task Arguments_that_are_not_a_json_object_are_a_usage_error(string arguments, string message)
    {
        var result = await SampleAsync("get_issue", "--arguments", arguments);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'mcpgen sample --help' for usage.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snapshot_is_not_taken_for_an_overlay()
    {
        var result = await SampleAsync("get_issue", "-a", Full, "--overlay", "schemas/demo.mcp.json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(
            "schemas/demo.mcp.json is a snapshot, which mcpgen snapshot rewrites; give the overlay beside it: schemas/demo.overlay.json.",
            result.Error,
            StringComparison.Ordinal);
    }

    private Task<CliResult> SampleAsync(params string[] args) =>
        Mcpgen.RunAsync(demo.SecretEnvironment, ["sample", demo.Endpoint, .. args, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer]);

    private static string ExpectedIssueOverlay => """
        {
          "tools": {
            "get_issue": {
              "outputSchema": {
                "type": "object",
                "properties": {
                  "body": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "comments": {
                    "type": "integer"
                  },
                  "created_at": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "html_url": {
                    "type": "string",
                    "format": "uri"
                  },
                  "labels": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "color": {
                          "type": "string"
                        },
                        "name": {
                          "type": "string"
                        }
                      },
                      "required": [
                        "color",
                        "name"
                      ]
                    }
                  },
                  "number": {
                    "type": "integer"
                  },
                  "state": {
                    "type": "string"
                  },
                  "title": {
                    "type": "string"
                  },
                  "user": {
                    "type": "object",
                    "properties": {
                      "login": {
                        "type": "string"
                      }
                    },
                    "required": [
                      "login"
                    ]
                  }
                },
                "required": [
                  "body",
                  "comments",
                  "created_at",
                  "html_url",
                  "labels",
                  "number",
                  "state",
                  "title",
                  "user"
                ]
              }
            }
          }
        }

        """.ReplaceLineEndings("\n");
}
