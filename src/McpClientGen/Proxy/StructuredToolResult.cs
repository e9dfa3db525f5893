using System.Text.Json;
using System.Text.Json.Serialization;

namespace McpClientGen;

/// <summary>The two fields of a <c>tools/call</c> result a typed call reads first (see <see cref="ToolResponse"/>).</summary>
internal sealed class StructuredToolResult
{
    [JsonPropertyName("isError")]
    public bool? IsError { get; set; }

    [JsonPropertyName("structuredContent")]
    public JsonElement? StructuredContent { get; set; }
}

/// <summary>Serialization metadata for the runtime's own JSON types, so reading them needs no reflection (Native AOT).</summary>
[JsonSerializable(typeof(StructuredToolResult))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
