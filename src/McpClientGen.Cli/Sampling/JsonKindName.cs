using System.Text.Json;

namespace McpClientGen.Cli.Sampling;

/// <summary>How messages name the kind of a JSON value that is not the object they wanted.</summary>
internal static class JsonKindName
{
    public static string Of(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "a JSON array",
        JsonValueKind.String => "a JSON string",
        JsonValueKind.Number => "a JSON number",
        JsonValueKind.True or JsonValueKind.False => "a JSON boolean",
        JsonValueKind.Null => "JSON null",
        _ => "a JSON object",
    };
}
