using McpClientGen.Cli.Overlays;

namespace McpClientGen.Cli.Tests.Sampling;

/// <summary>An overlay gets one tool's outputSchema replaced and keeps everything else, or is refused before anything is lost.</summary>
public sealed class OverlayDocumentTests
{
    [Fact]
    public void A_new_overlay_holds_the_tool_indented_with_two_spaces_and_a_final_newline()
    {
        var overlay = OverlayDocument.Empty();

        overlay.SetOutputSchema("get_issue", Inferred.Infer("""{"n":1}"""));

        Assert.Equal(
            """
            {
              "tools": {
                "get_issue": {
                  "outputSchema": {
                    "type": "object",
                    "properties": {
                      "n": {
                        "type": "integer"
                      }
                    },
                    "required": [
                      "n"
                    ]
                  }
                }
              }
            }

            """.ReplaceLineEndings("\n"),
            overlay.ToJson());
    }

    [Fact]
    public void Other_tools_input_refinements_and_unknown_keys_are_kept_and_tools_are_sorted_by_name()
    {
        var overlay = OverlayDocument.Parse("""
            {"note": "mine", "tools": {
              "zeta": {"outputSchema": {"type": "object", "properties": {"z": {"type": "string"}}}},
              "get_issue": {"inputSchema": {"properties": {"issue_number": {"type": "integer"}}}, "outputSchema": {"type": "string"}},
              "alpha": {"inputSchema": {"properties": {"when": {"format": "date-time", "description": "Ünïcode <kept>"}}}}
            }}
            """);

        overlay.SetOutputSchema("get_issue", Inferred.Infer("""{"n":1}"""));

        Assert.Equal(
            """{"note":"mine","tools":{"alpha":{"inputSchema":{"properties":{"when":{"format":"date-time","description":"Ünïcode <kept>"}}}},"get_issue":{"inputSchema":{"properties":{"issue_number":{"type":"integer"}}},"outputSchema":{"type":"object","properties":{"n":{"type":"integer"}},"required":["n"]}},"zeta":{"outputSchema":{"type":"object","properties":{"z":{"type":"string"}}}}}}""",
            Compact(overlay.ToJson()));
    }

    [Fact]
    public void Writing_the_same_schema_again_gives_the_same_text()
    {
        var overlay = OverlayDocument.Empty();
        overlay.SetOutputSchema("b", Inferred.Infer("[1]"));
        overlay.SetOutputSchema("a", Inferred.Infer("""{"x":true}"""));
        var first = overlay.ToJson();

        var reread = OverlayDocument.Parse(first);
        reread.SetOutputSchema("a", Inferred.Infer("""{"x":true}"""));

        Assert.Equal(first, reread.ToJson());
    }

    [Fact]
    public void The_existing_output_schema_of_a_tool_is_found()
    {
        var overlay = OverlayDocument.Parse("""{"tools":{"t":{"outputSchema":{"type":"object"}},"u":{}}}""");

        Assert.Equal("""{"type":"object"}""", Compact(overlay.OutputSchemaOf("t")!.Value.GetRawText()));
        Assert.Null(overlay.OutputSchemaOf("u"));
        Assert.Null(overlay.OutputSchemaOf("v"));
        Assert.Null(OverlayDocument.Parse("{}").OutputSchemaOf("t"));
    }

    [Theory]
    [InlineData("{ \"tools\": ", "it is not valid JSON")]
    [InlineData("{\"tools\":{}} // mine", "it is not valid JSON")]
    [InlineData("{\"tools\":{\"a\":{},\"a\":{}}}", "it is not valid JSON")]
    [InlineData("[]", "it is not a JSON object")]
    [InlineData("{\"tools\":[]}", "its \"tools\" is not an object keyed by tool name (is it a snapshot?)")]
    [InlineData("{\"tools\":{\"a\":1}}", "its entry for the tool 'a' is not an object")]
    public void What_is_not_an_overlay_is_refused(string text, string message) =>
        Assert.StartsWith(message, Assert.Throws<FormatException>(() => OverlayDocument.Parse(text)).Message, StringComparison.Ordinal);

    private static string Compact(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString(
        new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
