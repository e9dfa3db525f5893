using System.Text.Json;
using McpClientGen.Cli.CommandLine;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Cli.Sampling;

/// <summary>
/// The JSON object a tool answered with, found by the runtime's own finder (<see cref="ToolResultJson"/>, compiled in),
/// so that it is the value generated clients read: <c>structuredContent</c>, else the first text block, else all text
/// blocks joined. What is not there becomes a one-line error.
/// </summary>
internal static class ToolResultObject
{
    /// <exception cref="CommandFailedException">The result holds no JSON object.</exception>
    public static JsonElement Find(CallToolResult result, string toolName)
    {
        if (ToolResultJson.TryFind(result, kind => kind == JsonValueKind.Object, out var found, out _))
        {
            return found;
        }

        var texts = ToolResultJson.TextBlocks(result);
        if (texts.Count == 0)
        {
            var kinds = result.Content.Count == 0 ? "no content" : string.Join(", ", result.Content.Select(block => block.Type).Distinct()) + " content only";
            throw new CommandFailedException($"{toolName} answered with {kinds}: there is no JSON to infer a schema from.");
        }

        // What a Task<JsonElement> method would get instead, to say what kind of JSON it is.
        throw ToolResultJson.TryFind(result, _ => true, out var other, out _)
            ? new CommandFailedException(
                $"{toolName} answered with {JsonKindName.Of(other.ValueKind)}, not a JSON object; an output schema describes an object (MCP), "
                + "so declare a result type instead (Task<JsonElement> or Task<string>).")
            : new CommandFailedException(
                $"{toolName} answered with text that is not JSON (\"{OneLineText.Quoted(texts[0])}\"): there is no JSON to infer a schema from.");
    }
}
