using System.Text;
using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace McpClientGen;

/// <summary>
/// Finds the JSON value a tool result carries: <c>structuredContent</c> when the server sent it, else JSON in the
/// text content, which is the first text block when that parses on its own, else all text blocks joined, for servers
/// that split one document over several blocks.
/// </summary>
internal static class ToolResultJson
{
    /// <summary>Where <see cref="TryFind"/> found the value, for error messages.</summary>
    public const string Structured = "structuredContent";

    /// <summary>Finds the value; <paramref name="accept"/> says which JSON kinds the caller can use.</summary>
    /// <param name="result">The tool's result.</param>
    /// <param name="accept">Whether a value of this kind is usable; an unusable one is passed over.</param>
    /// <param name="value">The value, detached from any document.</param>
    /// <param name="source">Where it was: <c>structuredContent</c>, <c>content[0].text</c> or <c>the text content</c>.</param>
    public static bool TryFind(CallToolResult result, Func<JsonValueKind, bool> accept, out JsonElement value, out string source)
    {
        if (result.StructuredContent is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } structured && accept(structured.ValueKind))
        {
            (value, source) = (structured, Structured);
            return true;
        }

        var texts = TextBlocks(result);
        if (texts.Count > 0 && Parse(texts[0], out value) is null && accept(value.ValueKind))
        {
            source = "content[0].text";
            return true;
        }

        if (texts.Count > 1 && Parse(string.Concat(texts), out value) is null && accept(value.ValueKind))
        {
            source = "the text content";
            return true;
        }

        (value, source) = (default, "");
        return false;
    }

    /// <summary>The text of every text block, in order.</summary>
    public static List<string> TextBlocks(CallToolResult result) =>
        result.Content.OfType<TextContentBlock>().Select(block => block.Text).ToList();

    /// <summary>Why no JSON was found, in words that fit after "the result ...", naming no content.</summary>
    public static string DescribeMissing(CallToolResult result)
    {
        var texts = TextBlocks(result);
        if (texts.Count == 0)
        {
            return "it has no structuredContent and no text content.";
        }

        // Only asked after the text failed to parse, so there is an error to quote.
        var why = Parse(texts[0], out _);
        return texts.Count == 1
            ? $"it has no structuredContent and its text is not JSON ({why})."
            : $"it has no structuredContent, and neither its first text block nor its {texts.Count} text blocks joined are JSON (first block: {why}).";
    }

    /// <summary>
    /// A library message on one line and at most 200 characters: it names where parsing failed, never the payload,
    /// and keeps a log line short however large the result.
    /// </summary>
    public static string OneLine(string message)
    {
        const int MaxLength = 200;
        var builder = new StringBuilder(message.Length);
        foreach (var character in message)
        {
            builder.Append(char.IsControl(character) ? ' ' : character);
        }

        var line = builder.ToString().Trim();
        return line.Length <= MaxLength ? line : string.Concat(line.AsSpan(0, MaxLength), "…");
    }

    /// <summary>Parses text into a detached value; returns why it is not JSON, or <see langword="null"/> when it is.</summary>
    private static string? Parse(string text, out JsonElement value)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            // The value must outlive the document, so the caller gets a detached copy.
            value = document.RootElement.Clone();
            return null;
        }
        catch (JsonException exception)
        {
            value = default;
            return OneLine(exception.Message);
        }
    }
}
