using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace McpClientGen.Serialization;

/// <summary>
/// Reads the values of a tool result without reflection; used by generated code. A required property that is
/// missing, or a value of another JSON type, raises <see cref="McpToolResultException"/> naming the property and
/// the tool. Properties the snapshot does not know are never looked at, so servers may add them freely.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ToolResultReader
{
    /// <summary>Gets a property that is present and not <c>null</c>.</summary>
    public static bool TryGetProperty(JsonElement obj, string property, out JsonElement value) =>
        obj.TryGetProperty(property, out value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>Gets a property the schema requires; throws when it is missing.</summary>
    public static JsonElement RequiredProperty(JsonElement obj, string property, string toolName) =>
        obj.TryGetProperty(property, out var value)
            ? value
            : throw new McpToolResultException(toolName, $"the required property '{property}' is missing.");

    /// <summary>Checks that a value is a JSON object.</summary>
    public static void EnsureObject(JsonElement value, string property, string toolName)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw WrongType(property, "an object", value, toolName);
        }
    }

    /// <summary>The length of a JSON array, after checking that the value is one.</summary>
    public static int ArrayLength(JsonElement value, string property, string toolName) =>
        value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : throw WrongType(property, "an array", value, toolName);

    /// <summary>Reads a string.</summary>
    public static string ReadString(JsonElement value, string property, string toolName) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw WrongType(property, "a string", value, toolName);

    /// <summary>Reads an integer.</summary>
    public static long ReadInt64(JsonElement value, string property, string toolName) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : throw WrongType(property, "an integer", value, toolName);

    /// <summary>Reads a 32-bit integer.</summary>
    public static int ReadInt32(JsonElement value, string property, string toolName) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw WrongType(property, "a 32-bit integer", value, toolName);

    /// <summary>Reads a number.</summary>
    public static double ReadDouble(JsonElement value, string property, string toolName) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw WrongType(property, "a number", value, toolName);

    /// <summary>Reads a boolean.</summary>
    public static bool ReadBoolean(JsonElement value, string property, string toolName) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw WrongType(property, "a boolean", value, toolName);

    /// <summary>Reads an RFC 3339 <c>date-time</c> string.</summary>
    public static DateTimeOffset ReadDateTimeOffset(JsonElement value, string property, string toolName) =>
        value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var instant) ? instant : throw WrongFormat(property, "a date-time", value, toolName);

    /// <summary>Reads a <c>date</c> string (<c>yyyy-MM-dd</c>).</summary>
    public static DateOnly ReadDateOnly(JsonElement value, string property, string toolName) =>
        value.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw WrongFormat(property, "a date (yyyy-MM-dd)", value, toolName);

    /// <summary>Reads a <c>uuid</c> string.</summary>
    public static Guid ReadGuid(JsonElement value, string property, string toolName) =>
        value.ValueKind == JsonValueKind.String && value.TryGetGuid(out var guid) ? guid : throw WrongFormat(property, "a UUID", value, toolName);

    /// <summary>Reads a <c>uri</c> string; relative references are accepted too.</summary>
    public static Uri ReadUri(JsonElement value, string property, string toolName) =>
        value.ValueKind == JsonValueKind.String && Uri.TryCreate(value.GetString(), UriKind.RelativeOrAbsolute, out var uri)
            ? uri
            : throw WrongFormat(property, "a URI", value, toolName);

    /// <summary>Builds the error for a string that is none of an enum's wire values.</summary>
    public static McpToolResultException UnknownEnumValue(string property, string? value, string toolName) =>
        new(toolName, $"property '{property}' has the value '{value}', which the snapshot does not list.");

    private static McpToolResultException WrongType(string property, string expected, JsonElement actual, string toolName) =>
        new(toolName, $"property '{property}' should be {expected} but is a JSON {actual.ValueKind.ToString().ToLowerInvariant()}.");

    // The value itself is left out of the message: results can carry data that should not end up in logs.
    private static McpToolResultException WrongFormat(string property, string expected, JsonElement actual, string toolName) =>
        actual.ValueKind == JsonValueKind.String
            ? new(toolName, $"property '{property}' should be {expected} but the string does not parse as one.")
            : WrongType(property, expected, actual, toolName);
}
