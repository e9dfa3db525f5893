using System.Text.Json;
using McpClientGen.Snapshots;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Tests;

/// <summary>
/// The <c>resources</c> and <c>resourceTemplates</c> arrays of a snapshot: written after <c>tools</c> and
/// <c>prompts</c>, sorted by <c>uri</c> and <c>uriTemplate</c> with a fixed key order; absent when the server lists
/// none, so earlier snapshots are unchanged.
/// </summary>
public sealed class SnapshotWriterResourceTests
{
    private static readonly Tool Ping = new() { Name = "ping", InputSchema = JsonDocument.Parse("""{"type":"object"}""").RootElement };

    [Fact]
    public void Without_resources_the_snapshot_has_neither_array()
    {
        var toolsOnly = SnapshotWriter.Write(null, "2025-11-25", [Ping]);

        Assert.Equal(toolsOnly, SnapshotWriter.Write(null, "2025-11-25", [Ping], [], [], []));
        Assert.Equal(toolsOnly, SnapshotWriter.Write(null, "2025-11-25", [Ping], resources: null, resourceTemplates: null));
        var root = JsonDocument.Parse(toolsOnly).RootElement;
        Assert.False(root.TryGetProperty("resources", out _));
        Assert.False(root.TryGetProperty("resourceTemplates", out _));
    }

    [Fact]
    public void Resources_and_templates_are_sorted_by_uri_with_a_fixed_key_order_after_the_prompts()
    {
        // Properties are set in an order unlike the written one, and the entries listed out of URI order.
        var logo = new Resource { Size = 2048, MimeType = "image/png", Description = "The logo.", Title = "Logo", Name = "logo", Uri = "demo://logo.png" };
        var readme = new Resource { Name = "readme", Uri = "demo://b/readme" };
        var ticket = new ResourceTemplate { MimeType = "text/plain", Description = "A ticket.", Title = "Ticket", Name = "ticket", UriTemplate = "demo://tickets/{id}" };
        var file = new ResourceTemplate { Name = "file", UriTemplate = "demo://files/{+path}" };
        var prompt = new Prompt { Name = "greet" };

        var json = SnapshotWriter.Write(null, null, [Ping], [prompt], [logo, readme], [ticket, file]);

        const string expected = """
              "prompts": [
                {
                  "name": "greet"
                }
              ],
              "resources": [
                {
                  "uri": "demo://b/readme",
                  "name": "readme"
                },
                {
                  "uri": "demo://logo.png",
                  "name": "logo",
                  "title": "Logo",
                  "description": "The logo.",
                  "mimeType": "image/png",
                  "size": 2048
                }
              ],
              "resourceTemplates": [
                {
                  "uriTemplate": "demo://files/{+path}",
                  "name": "file"
                },
                {
                  "uriTemplate": "demo://tickets/{id}",
                  "name": "ticket",
                  "title": "Ticket",
                  "description": "A ticket.",
                  "mimeType": "text/plain"
                }
              ]
            }

            """;
        Assert.EndsWith(expected.Replace("\r\n", "\n", StringComparison.Ordinal), json, StringComparison.Ordinal);
        Assert.Equal(json, SnapshotWriter.Write(null, null, [Ping], [prompt], [readme, logo], [file, ticket]));
    }
}
