using System.ComponentModel;
using System.Text.Json;

namespace McpClientGen.Serialization;

/// <summary>
/// Reads properties of a tool result object without reflection. Used by generated code. A required property
/// that is missing or has another JSON type raises <see cref="McpToolResultException"/> naming the property
/// and the tool; properties the snapshot does not know are ignored.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ToolResultReader
{
    /// <summary>Reads a required string.</summary>
    public static string RequiredString(JsonElement obj, string property, string toolName) =>
        OptionalString(obj, property, toolName) ?? throw Missing(property, toolName);

    /// <summary>Reads an optional string; <see langword="null"/> when absent or null.</summary>
    public static string? OptionalString(JsonElement obj, string property, string toolName) =>
        TryGet(obj, property, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw WrongType(property, "a string", value, toolName)
            : null;

    /// <summary>Reads a required integer.</summary>
    public static long RequiredInt64(JsonElement obj, string property, string toolName) =>
        OptionalInt64(obj, property, toolName) ?? throw Missing(property, toolName);

    /// <summary>Reads an optional integer.</summary>
    public static long? OptionalInt64(JsonElement obj, string property, string toolName) =>
        TryGet(obj, property, out var value)
            ? value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : throw WrongType(property, "an integer", value, toolName)
            : null;

    /// <summary>Reads a required 32-bit integer.</summary>
    public static int RequiredInt32(JsonElement obj, string property, string toolName) =>
        OptionalInt32(obj, property, toolName) ?? throw Missing(property, toolName);

    /// <summary>Reads an optional 32-bit integer.</summary>
    public static int? OptionalInt32(JsonElement obj, string property, string toolName) =>
        TryGet(obj, property, out var value)
            ? value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw WrongType(property, "a 32-bit integer", value, toolName)
            : null;

    /// <summary>Reads a required number.</summary>
    public static double RequiredDouble(JsonElement obj, string property, string toolName) =>
        OptionalDouble(obj, property, toolName) ?? throw Missing(property, toolName);

    /// <summary>Reads an optional number.</summary>
    public static double? OptionalDouble(JsonElement obj, string property, string toolName) =>
        TryGet(obj, property, out var value)
            ? value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw WrongType(property, "a number", value, toolName)
            : null;

    /// <summary>Reads a required boolean.</summary>
    public static bool RequiredBoolean(JsonElement obj, string property, string toolName) =>
        OptionalBoolean(obj, property, toolName) ?? throw Missing(property, toolName);

    /// <summary>Reads an optional boolean.</summary>
    public static bool? OptionalBoolean(JsonElement obj, string property, string toolName) =>
        TryGet(obj, property, out var value)
            ? value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw WrongType(property, "a boolean", value, toolName)
            : null;

    /// <summary>Reads a required nested object.</summary>
    public static JsonElement RequiredObject(JsonElement obj, string property, string toolName) =>
        OptionalObject(obj, property, toolName) ?? throw Missing(property, toolName);

    /// <summary>Reads an optional nested object.</summary>
    public static JsonElement? OptionalObject(JsonElement obj, string property, string toolName) =>
        TryGet(obj, property, out var value)
            ? value.ValueKind == JsonValueKind.Object ? value : throw WrongType(property, "an object", value, toolName)
            : null;

    /// <summary>Reads a required value of any JSON type, detached from the response document.</summary>
    public static JsonElement RequiredJson(JsonElement obj, string property, string toolName) =>
        OptionalJson(obj, property, toolName) ?? throw Missing(property, toolName);

    /// <summary>Reads an optional value of any JSON type, detached from the response document.</summary>
    public static JsonElement? OptionalJson(JsonElement obj, string property, string toolName) =>
        TryGet(obj, property, out var value) ? value.Clone() : null;

    /// <summary>Builds the error for a string that is none of an enum's wire values.</summary>
    public static McpToolResultException UnknownEnumValue(string property, string? value, string toolName) =>
        new(toolName, $"property '{property}' has the value '{value}', which the snapshot does not list.");

    private static bool TryGet(JsonElement obj, string property, out JsonElement value) =>
        obj.TryGetProperty(property, out value) && value.ValueKind != JsonValueKind.Null;

    private static McpToolResultException Missing(string property, string toolName) =>
        new(toolName, $"the required property '{property}' is missing.");

    private static McpToolResultException WrongType(string property, string expected, JsonElement actual, string toolName) =>
        new(toolName, $"property '{property}' should be {expected} but is a JSON {actual.ValueKind.ToString().ToLowerInvariant()}.");
}
