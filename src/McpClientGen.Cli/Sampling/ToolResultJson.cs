using System.Text.Json;
using McpClientGen.Cli.CommandLine;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Cli.Sampling;

/// <summary>
/// The JSON a tool answered with, found where generated clients look for it: <c>structuredContent</c>, else the first
/// text block, else all text blocks concatenated (servers that split one document into several blocks).
/// </summary>
internal static class ToolResultJson
{
    /// <exception cref="CommandFailedException">The result holds no JSON object.</exception>
    public static JsonElement Find(CallToolResult result, string toolName)
    {
        if (result.StructuredContent is { ValueKind: JsonValueKind.Object } structured)
        {
            return structured;
        }

        var texts = result.Content.OfType<TextContentBlock>().Select(block => block.Text).ToList();
        if (texts.Count == 0)
        {
            var kinds = result.Content.Count == 0 ? "no content" : string.Join(", ", result.Content.Select(block => block.Type).Distinct()) + " content only";
            throw new CommandFailedException($"{toolName} answered with {kinds}: there is no JSON to infer a schema from.");
        }

        var document = TryParse(texts[0]) ?? (texts.Count > 1 ? TryParse(string.Concat(texts)) : null);
        return document switch
        {
            { ValueKind: JsonValueKind.Object } json => json,
            { } json => throw new CommandFailedException(
                $"{toolName} answered with {JsonKindName.Of(json.ValueKind)}, not a JSON object; an output schema describes an object (MCP), "
                + "so declare a result type instead (Task<JsonElement> or Task<string>)."),
            null => throw new CommandFailedException(
                $"{toolName} answered with text that is not JSON (\"{OneLineText.Quoted(texts[0])}\"): there is no JSON to infer a schema from."),
        };
    }

    private static JsonElement? TryParse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
