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

    /// <summary>Reads an integer; JSON Schema counts <c>1.0</c> and <c>1e3</c> as integers too.</summary>
    public static long ReadInt64(JsonElement value, string property, string toolName) =>
        TryGetInteger(value, long.MinValue, long.MaxValue, out var number) ? number : throw WrongType(property, "an integer", value, toolName);

    /// <summary>Reads a 32-bit integer.</summary>
    public static int ReadInt32(JsonElement value, string property, string toolName) =>
        TryGetInteger(value, int.MinValue, int.MaxValue, out var number) ? (int)number : throw WrongType(property, "a 32-bit integer", value, toolName);

    /// <summary>Reads a finite number.</summary>
    public static double ReadDouble(JsonElement value, string property, string toolName) =>
        value.ValueKind == JsonValueKind.Number && double.IsFinite(value.GetDouble()) ? value.GetDouble() : throw WrongType(property, "a finite number", value, toolName);

    /// <summary>Reads a boolean.</summary>
    public static bool ReadBoolean(JsonElement value, string property, string toolName) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw WrongType(property, "a boolean", value, toolName);

    /// <summary>Reads an RFC 3339 <c>date-time</c> string, which must state its offset (<c>Z</c> or <c>±hh:mm</c>).</summary>
    /// <remarks>
    /// A time without an offset would be read in the machine's time zone, so one result would mean different
    /// instants on different machines; it is rejected instead.
    /// </remarks>
    public static DateTimeOffset ReadDateTimeOffset(JsonElement value, string property, string toolName) =>
        value.ValueKind == JsonValueKind.String && HasOffset(value.GetString()!) && value.TryGetDateTimeOffset(out var instant)
            ? instant
            : throw WrongFormat(property, "a date-time with an offset", value, toolName);

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

    private static bool TryGetInteger(JsonElement value, long min, long max, out long number)
    {
        number = 0;
        if (value.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        if (value.TryGetInt64(out number))
        {
            return number >= min && number <= max;
        }

        // 2^63 is exactly representable, so the upper bound is exclusive.
        var real = value.GetDouble();
        if (real != Math.Floor(real) || real < min || real >= -(double)long.MinValue || real > max)
        {
            return false;
        }

        number = (long)real;
        return true;
    }

    private static bool HasOffset(string text) =>
        text.Length > 10
        && (text[^1] is 'Z' or 'z' || (text.Length > 16 && text[^6] is '+' or '-' && text[^3] == ':'));

    private static McpToolResultException WrongType(string property, string expected, JsonElement actual, string toolName) =>
        new(toolName, $"property '{property}' should be {expected} but is a JSON {actual.ValueKind.ToString().ToLowerInvariant()}.");

    // The value itself is left out of the message: results can carry data that should not end up in logs.
    private static McpToolResultException WrongFormat(string property, string expected, JsonElement actual, string toolName) =>
        actual.ValueKind == JsonValueKind.String
            ? new(toolName, $"property '{property}' should be {expected} but the string does not parse as one.")
            : WrongType(property, expected, actual, toolName);
}
