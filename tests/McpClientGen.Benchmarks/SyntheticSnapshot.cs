using System.Globalization;
using System.Text;

namespace McpClientGen.Benchmarks;

/// <summary>
/// Snapshots of any number of realistic tools: each has a required string, an integer with a range, a string enum,
/// a nested object (with its own enum and an optional array of strings), an optional boolean, and an output schema
/// with a nested object, so every emitter (records, enums, JSON writers and readers) has work to do.
/// </summary>
internal static class SyntheticSnapshot
{
    private static readonly string[] Verbs = ["get", "list", "create", "update", "delete", "search", "sync", "archive"];
    private static readonly string[] Nouns = ["customer", "invoice", "order", "ticket", "shipment", "account", "report", "user"];

    public static string ToolName(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{Verbs[index % Verbs.Length]}_{Nouns[index / Verbs.Length % Nouns.Length]}_{index}");

    public static string Create(int toolCount)
    {
        var json = new StringBuilder();
        json.Append("""{"server":{"name":"synthetic","version":"1.0.0"},"protocolVersion":"2025-11-25","tools":[""");
        for (var i = 0; i < toolCount; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            var name = ToolName(i);
            json.Append(CultureInfo.InvariantCulture, $$$"""
                {"name":"{{{name}}}","title":"Tool {{{i}}}","description":"Does thing number {{{i}}} to a {{{Nouns[i % Nouns.Length]}}}.",
                "inputSchema":{"type":"object","properties":{
                  "id":{"type":"string","description":"The record's id."},
                  "limit":{"type":"integer","minimum":1,"maximum":500,"description":"At most this many."},
                  "sort":{"type":"string","enum":["asc","desc","relevance"]},
                  "includeArchived":{"type":"boolean"},
                  "filter":{"type":"object","properties":{
                    "status":{"type":"string","enum":["open","closed","pending"]},
                    "owner":{"type":"string"},
                    "tags":{"type":"array","items":{"type":"string"}},
                    "createdAfter":{"type":"string","format":"date-time"}},
                    "required":["status"]}},
                  "required":["id","limit"]},
                "outputSchema":{"type":"object","properties":{
                  "id":{"type":"string"},
                  "count":{"type":"integer"},
                  "score":{"type":"number"},
                  "owner":{"type":"object","properties":{"name":{"type":"string"},"email":{"type":"string"}},"required":["name"]}},
                  "required":["id","count"]},
                "annotations":{"readOnlyHint":true}}
                """);
        }

        json.Append("]}");
        return json.ToString();
    }
}
