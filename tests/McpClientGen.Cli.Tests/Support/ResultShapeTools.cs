using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpClientGen.Cli.Tests.Support;

/// <summary>
/// Tools answering in each way a result can hold (or lack) JSON, for <c>mcpgen sample</c>; the demo server's tools
/// answer in only one or two of them.
/// </summary>
[McpServerToolType]
internal sealed class ResultShapeTools
{
    [McpServerTool(Name = "structured")]
    public static CallToolResult Structured() => new()
    {
        StructuredContent = JsonDocument.Parse("""{"id": "5f0c6e3a-1b2d-4c8e-9f00-0123456789ab", "score": 0.5}""").RootElement.Clone(),
        Content = [new TextContentBlock { Text = "not the JSON: structuredContent comes first" }],
    };

    [McpServerTool(Name = "split_text")]
    public static CallToolResult SplitText() => Text("""{"day": "2026-01-05",""", """ "count": 3}""");

    [McpServerTool(Name = "first_of_several")]
    public static CallToolResult FirstOfSeveral() => Text("""{"first": true}""", "A note that is not JSON.");

    [McpServerTool(Name = "prose")]
    public static CallToolResult Prose() => Text("The issue is open.\nIt has 3 comments.");

    [McpServerTool(Name = "json_array")]
    public static CallToolResult JsonArray() => Text("[1, 2]");

    [McpServerTool(Name = "array_then_object")]
    public static CallToolResult ArrayThenObject() => Text("[1, 2]", """{"a": 1}""");

    [McpServerTool(Name = "structured_array")]
    public static CallToolResult StructuredArray() => new()
    {
        StructuredContent = JsonDocument.Parse("[1, 2]").RootElement.Clone(),
        Content = [new TextContentBlock { Text = "Two numbers." }],
    };

    [McpServerTool(Name = "image_only")]
    public static CallToolResult ImageOnly() => new() { Content = [ImageContentBlock.FromBytes(new byte[] { 1, 2, 3 }, "image/png")] };

    [McpServerTool(Name = "fail")]
    public static CallToolResult Fail() => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = "Rate limit exceeded.\n" + new string('x', 500) }],
    };

    private static CallToolResult Text(params string[] blocks) => new() { Content = [.. blocks.Select(text => new TextContentBlock { Text = text })] };
}
