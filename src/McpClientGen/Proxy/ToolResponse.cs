using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpClientGen;

/// <summary>
/// A <c>tools/call</c> result as the server sent it, read only as far as the caller needs: a typed result needs
/// <c>isError</c> and <c>structuredContent</c>, so its content blocks, which repeat the same data as text, are not
/// materialized unless there is no structured object to read.
/// </summary>
internal sealed class ToolResponse
{
    private static readonly JsonTypeInfo<CallToolResult> WholeResult =
        (JsonTypeInfo<CallToolResult>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult));

    private readonly JsonNode _json;
    private CallToolResult? _result;
    private StructuredToolResult? _structured;

    private ToolResponse(JsonNode json, CallToolResult? result)
    {
        _json = json;
        _result = result;
    }

    /// <summary>The response of a caller that wants the whole <see cref="Result"/>: read at once, and only once.</summary>
    public static ToolResponse Whole(JsonNode json) => new(json, Read(json));

    /// <summary>The response of a typed call: <see cref="IsError"/> and the structured object are read first, alone.</summary>
    public static ToolResponse StructuredFirst(JsonNode json) => new(json, null);

    /// <summary>The whole result.</summary>
    public CallToolResult Result => _result ??= Read(_json);

    /// <summary>Whether the tool reported that it failed.</summary>
    public bool IsError => _result is { } result ? result.IsError == true : Structured.IsError == true;

    /// <summary>The <c>structuredContent</c> when it is a JSON object.</summary>
    public bool TryGetStructuredObject(out JsonElement value)
    {
        var structured = _result is { } result ? result.StructuredContent : Structured.StructuredContent;
        value = structured.GetValueOrDefault();
        return value.ValueKind == JsonValueKind.Object;
    }

    /// <summary>The whole result of <paramref name="json"/>.</summary>
    public static CallToolResult Read(JsonNode json) =>
        json.Deserialize(WholeResult) ?? throw new JsonException("The tools/call result is null.");

    private StructuredToolResult Structured =>
        _structured ??= _json.Deserialize(RuntimeJsonContext.Default.StructuredToolResult) ?? throw new JsonException("The tools/call result is null.");
}
