using System.Text.Json;
using System.Text.RegularExpressions;

namespace McpClientGen.Cli.Sampling;

/// <summary>
/// Drops the keywords of an existing schema that a new sample violates — <c>enum</c>, <c>const</c>, <c>pattern</c>,
/// numeric bounds, length and item-count bounds, <c>additionalProperties: false</c> — because a schema the server's
/// real output breaks makes the generated client refuse that output. A user keyword is kept while every sample
/// satisfies it, and one that cannot be checked here (<c>$ref</c>, <c>anyOf</c>, a schema in
/// <c>additionalProperties</c>) is kept as it is. Each drop becomes a note naming the keyword and where it was.
/// </summary>
internal static class ViolatedKeywords
{
    // A user's pattern runs against a server's text; a pathological one must not hang the command.
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    /// <param name="schema">The existing schema, as <see cref="SchemaReader"/> read it.</param>
    /// <param name="sample">The value the tool answered with at this place.</param>
    /// <param name="path">Where the schema is, such as <c>tools.get_issue.outputSchema</c>, for the notes.</param>
    /// <param name="notes">Receives one line per dropped keyword.</param>
    /// <returns>The schema without the keywords the sample violates, at every depth the sample reaches.</returns>
    public static InferredSchema Drop(InferredSchema schema, JsonElement sample, string path, ICollection<string> notes)
    {
        var keywords = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in schema.Keywords)
        {
            if (IsViolated(name, value, sample, schema))
            {
                notes.Add($"dropped \"{name}\" at {path}: this sample does not satisfy it.");
            }
            else
            {
                keywords[name] = value;
            }
        }

        // A schema kept as written holds its properties and items among its keywords, which are not refined.
        if (schema.Has(JsonTypes.Any))
        {
            return schema with { Keywords = keywords };
        }

        return schema with
        {
            Keywords = keywords,
            Properties = sample.ValueKind == JsonValueKind.Object ? DropInProperties(schema, sample, path, notes) : schema.Properties,
            Items = sample.ValueKind == JsonValueKind.Array && schema.Items is { } items
                ? sample.EnumerateArray().Aggregate(items, (checkedItems, element) => Drop(checkedItems, element, $"{path}.items", notes))
                : schema.Items,
        };
    }

    private static Dictionary<string, InferredSchema> DropInProperties(InferredSchema schema, JsonElement sample, string path, ICollection<string> notes) =>
        schema.Properties.ToDictionary(
            property => property.Key,
            property => sample.TryGetProperty(property.Key, out var value) ? Drop(property.Value, value, $"{path}.properties.{property.Key}", notes) : property.Value,
            StringComparer.Ordinal);

    private static bool IsViolated(string keyword, JsonElement value, JsonElement sample, InferredSchema schema) => keyword switch
    {
        "enum" => value.ValueKind == JsonValueKind.Array && !value.EnumerateArray().Any(allowed => JsonElement.DeepEquals(allowed, sample)),
        "const" => !JsonElement.DeepEquals(value, sample),
        "pattern" => sample.ValueKind == JsonValueKind.String && value.ValueKind == JsonValueKind.String && Mismatches(value.GetString()!, sample.GetString()!),
        "minimum" => Compare(sample, value) < 0,
        "maximum" => Compare(sample, value) > 0,
        "exclusiveMinimum" => Compare(sample, value) <= 0,
        "exclusiveMaximum" => Compare(sample, value) >= 0,
        "minLength" => sample.ValueKind == JsonValueKind.String && sample.GetString()!.EnumerateRunes().Count() < Bound(value),
        "maxLength" => sample.ValueKind == JsonValueKind.String && sample.GetString()!.EnumerateRunes().Count() > Bound(value),
        "minItems" => sample.ValueKind == JsonValueKind.Array && sample.GetArrayLength() < Bound(value),
        "maxItems" => sample.ValueKind == JsonValueKind.Array && sample.GetArrayLength() > Bound(value),
        "additionalProperties" => value.ValueKind == JsonValueKind.False && HasUndeclaredProperty(schema, sample),
        _ => false,
    };

    /// <summary>Whether a pattern (unanchored, as JSON Schema reads it) misses the text; a pattern .NET cannot run is not checked.</summary>
    private static bool Mismatches(string pattern, string text)
    {
        try
        {
            return !Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (Exception exception) when (exception is ArgumentException or RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// The sample against a numeric bound, or <see langword="null"/> (which no comparison satisfies) when either is not
    /// a number, as with a draft-4 boolean <c>exclusiveMinimum</c>.
    /// </summary>
    private static int? Compare(JsonElement sample, JsonElement bound) =>
        sample.ValueKind != JsonValueKind.Number || bound.ValueKind != JsonValueKind.Number ? null
        : sample.TryGetDecimal(out var exact) && bound.TryGetDecimal(out var exactBound) ? exact.CompareTo(exactBound)
        : sample.GetDouble().CompareTo(bound.GetDouble());

    /// <summary>A count bound, or <see langword="null"/> (which no comparison violates) when it is not a whole number.</summary>
    private static long? Bound(JsonElement value) => value.TryGetInt64(out var bound) ? bound : null;

    /// <summary>
    /// Whether the sample has a property its schema does not declare beside <c>additionalProperties</c>; with
    /// <c>patternProperties</c> it cannot be told, so it is not.
    /// </summary>
    private static bool HasUndeclaredProperty(InferredSchema schema, JsonElement sample)
    {
        if (sample.ValueKind != JsonValueKind.Object || schema.Keywords.ContainsKey("patternProperties"))
        {
            return false;
        }

        var declared = schema.Has(JsonTypes.Any)
            ? schema.Keywords.TryGetValue(SchemaKeywords.Properties, out var written) && written.ValueKind == JsonValueKind.Object
                ? written.EnumerateObject().Select(property => property.Name).ToHashSet(StringComparer.Ordinal)
                : []
            : schema.Properties.Keys.ToHashSet(StringComparer.Ordinal);
        return sample.EnumerateObject().Any(property => !declared.Contains(property.Name));
    }
}
