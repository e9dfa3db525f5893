using System.Text.Json;
using McpClientGen.Snapshots;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Tests;

/// <summary>
/// The <c>prompts</c> array of a snapshot: written after <c>tools</c>, in name order with a fixed key order, the
/// arguments in the server's order; and absent when the server lists no prompts, so such snapshots are unchanged.
/// </summary>
public sealed class SnapshotWriterPromptTests
{
    private static readonly Tool Ping = new() { Name = "ping", InputSchema = JsonDocument.Parse("""{"type":"object"}""").RootElement };

    [Fact]
    public void Without_prompts_the_snapshot_has_no_prompts_member()
    {
        var toolsOnly = SnapshotWriter.Write(null, "2025-11-25", [Ping]);

        Assert.Equal(toolsOnly, SnapshotWriter.Write(null, "2025-11-25", [Ping], []));
        Assert.Equal(toolsOnly, SnapshotWriter.Write(null, "2025-11-25", [Ping], prompts: null));
        Assert.False(JsonDocument.Parse(toolsOnly).RootElement.TryGetProperty("prompts", out _));
    }

    [Fact]
    public void Prompts_are_sorted_by_name_with_a_fixed_key_order_and_their_arguments_in_server_order()
    {
        // Properties are set in an order unlike the written one, and the prompts listed out of name order.
        var review = new Prompt
        {
            Arguments =
            [
                new PromptArgument { Required = false, Description = "Tone.", Name = "style" },
                new PromptArgument { Name = "code", Required = true, Title = "Code" },
            ],
            Description = "Reviews code.",
            Title = "Review",
            Name = "review",
        };
        var greet = new Prompt { Name = "greet" };

        var json = SnapshotWriter.Write(null, null, [Ping], [review, greet]);

        const string expected = """
              "prompts": [
                {
                  "name": "greet"
                },
                {
                  "name": "review",
                  "title": "Review",
                  "description": "Reviews code.",
                  "arguments": [
                    {
                      "name": "style",
                      "description": "Tone.",
                      "required": false
                    },
                    {
                      "name": "code",
                      "title": "Code",
                      "required": true
                    }
                  ]
                }
              ]
            }

            """;
        Assert.EndsWith(expected.Replace("\r\n", "\n", StringComparison.Ordinal), json, StringComparison.Ordinal);
        Assert.Equal(json, SnapshotWriter.Write(null, null, [Ping], [greet, review]));
    }
}
