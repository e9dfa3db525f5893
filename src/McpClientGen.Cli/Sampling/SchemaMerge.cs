namespace McpClientGen.Cli.Sampling;

/// <summary>
/// Combines two shapes of the same value into one that fits both: types add up (so a value null in one sample becomes
/// nullable, and conflicting types widen), a property absent from one object becomes optional, a detected string format holds
/// only when both agree on it (another is kept), and array items merge. Existing keywords (<see cref="InferredSchema.Keywords"/>) of
/// the earlier schema (an existing overlay) win over those of the later one. A schema kept as written
/// (<see cref="JsonTypes.Any"/>) is neither narrowed nor refined: it stays as it is.
/// </summary>
internal static class SchemaMerge
{
    public static InferredSchema Merge(InferredSchema earlier, InferredSchema later) =>
        earlier.Has(JsonTypes.Any) ? earlier
        : later.Has(JsonTypes.Any) ? later
        : new(
            earlier.Types | later.Types,
            MergeFormat(earlier, later),
            MergeOfObjects(earlier, later, MergeProperties, schema => schema.Properties),
            MergeOfObjects(earlier, later, (a, b) => a.Required.Intersect(b.Required, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal), schema => schema.Required),
            MergeItems(earlier, later),
            MergeKeywords(earlier, later));

    /// <summary>
    /// A format inference detects holds while every string matches it; one it cannot detect (a user's) is kept, since
    /// no sample disproves it.
    /// </summary>
    private static string? MergeFormat(InferredSchema earlier, InferredSchema later) =>
        earlier.Format is { } kept && !StringFormats.IsDetected(kept) ? kept
        : later.Format is { } other && !StringFormats.IsDetected(other) ? other
        : (earlier.Has(JsonTypes.String), later.Has(JsonTypes.String)) switch
        {
            (true, true) => earlier.Format == later.Format ? earlier.Format : null,
            (true, false) => earlier.Format,
            _ => later.Format,
        };

    /// <summary>What objects say, combined when both sides saw objects, else taken from the side that did.</summary>
    private static T MergeOfObjects<T>(InferredSchema earlier, InferredSchema later, Func<InferredSchema, InferredSchema, T> both, Func<InferredSchema, T> one) =>
        (earlier.Has(JsonTypes.Object), later.Has(JsonTypes.Object)) switch
        {
            (true, true) => both(earlier, later),
            (true, false) => one(earlier),
            _ => one(later),
        };

    private static Dictionary<string, InferredSchema> MergeProperties(InferredSchema earlier, InferredSchema later)
    {
        var properties = new Dictionary<string, InferredSchema>(earlier.Properties, StringComparer.Ordinal);
        foreach (var (name, schema) in later.Properties)
        {
            properties[name] = properties.TryGetValue(name, out var known) ? Merge(known, schema) : schema;
        }

        return properties;
    }

    private static InferredSchema? MergeItems(InferredSchema earlier, InferredSchema later) =>
        (earlier.Items, later.Items) switch
        {
            ({ } a, { } b) => Merge(a, b),
            (var a, var b) => a ?? b,
        };

    private static IReadOnlyDictionary<string, System.Text.Json.JsonElement> MergeKeywords(InferredSchema earlier, InferredSchema later)
    {
        if (later.Keywords.Count == 0)
        {
            return earlier.Keywords;
        }

        var keywords = new Dictionary<string, System.Text.Json.JsonElement>(later.Keywords, StringComparer.Ordinal);
        foreach (var (name, value) in earlier.Keywords)
        {
            keywords[name] = value;
        }

        return keywords;
    }
}
