using System.Text.Json;

namespace McpClientGen.Cli.Sampling;

/// <summary>Infers the shape of one sampled JSON value; <see cref="SchemaMerge"/> combines the shapes of several.</summary>
internal static class SchemaInference
{
    public static InferredSchema Infer(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => InferredSchema.OfObject(value.EnumerateObject()
            // JSON says the last of duplicate names wins; so does JsonDocument's property lookup.
            .GroupBy(property => property.Name, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => Infer(group.Last().Value), StringComparer.Ordinal)),
        JsonValueKind.Array => InferredSchema.OfArray(value.EnumerateArray()
            .Select(Infer)
            .Aggregate((InferredSchema?)null, (merged, item) => merged is null ? item : SchemaMerge.Merge(merged, item))),
        JsonValueKind.String => InferredSchema.OfString(StringFormats.Detect(value.GetString()!)),
        JsonValueKind.Number => InferredSchema.Of(IsWhole(value) ? JsonTypes.Integer : JsonTypes.Number),
        JsonValueKind.True or JsonValueKind.False => InferredSchema.Of(JsonTypes.Boolean),
        _ => InferredSchema.Of(JsonTypes.Null),
    };

    /// <summary>
    /// Written without fraction or exponent and within <c>long</c>'s range: the generator maps <c>integer</c> to
    /// <c>long</c>, whose reader (System.Text.Json's <c>GetInt64</c>) refuses <c>2.0</c>, <c>1e3</c> and a whole number
    /// beyond its range alike, so those stay <c>number</c>.
    /// </summary>
    private static bool IsWhole(JsonElement number) => number.GetRawText().AsSpan().IndexOfAny(".eE") < 0 && number.TryGetInt64(out _);
}
