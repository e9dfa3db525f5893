using System.Text.Json;

namespace McpClientGen.Cli.Sampling;

/// <summary>
/// What the samples of one value say about it, and what an existing schema said before them: its types, and per type
/// what is known (the format every string matched, the properties of objects, the items of arrays). Two of them merge
/// into what is true of both (<see cref="SchemaMerge"/>).
/// </summary>
/// <param name="Types">Every type the value had.</param>
/// <param name="Format">
/// With <see cref="JsonTypes.String"/>: the format every string matched, or <see langword="null"/>; or a format an
/// existing schema gave, which inference keeps unless it can detect it (<see cref="StringFormats.IsDetected"/>).
/// </param>
/// <param name="Properties">With <see cref="JsonTypes.Object"/>: the properties seen in any object.</param>
/// <param name="Required">With <see cref="JsonTypes.Object"/>: the properties present in every object.</param>
/// <param name="Items">With <see cref="JsonTypes.Array"/>: the shape of every element, or <see langword="null"/> when every array was empty.</param>
/// <param name="Keywords">
/// Keywords of an existing schema that inference does not make, such as a <c>description</c> or <c>enum</c> a user wrote;
/// kept as they are unless a sample violates them (<see cref="ViolatedKeywords"/>).
/// </param>
internal sealed record InferredSchema(
    JsonTypes Types,
    string? Format,
    IReadOnlyDictionary<string, InferredSchema> Properties,
    IReadOnlySet<string> Required,
    InferredSchema? Items,
    IReadOnlyDictionary<string, JsonElement> Keywords)
{
    private static readonly Dictionary<string, InferredSchema> NoProperties = new(StringComparer.Ordinal);
    private static readonly HashSet<string> NoNames = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, JsonElement> NoKeywords = new(StringComparer.Ordinal);

    /// <summary>A value of one type that carries nothing more (a boolean, a number, null).</summary>
    public static InferredSchema Of(JsonTypes types) => new(types, null, NoProperties, NoNames, null, NoKeywords);

    /// <summary>A string, with the format it matched, if any.</summary>
    public static InferredSchema OfString(string? format) => Of(JsonTypes.String) with { Format = format };

    /// <summary>An object with these properties, all of them required.</summary>
    public static InferredSchema OfObject(IReadOnlyDictionary<string, InferredSchema> properties) =>
        Of(JsonTypes.Object) with { Properties = properties, Required = properties.Keys.ToHashSet(StringComparer.Ordinal) };

    /// <summary>An existing schema that is kept as written (<see cref="JsonTypes.Any"/>): all its keywords, in their order.</summary>
    public static InferredSchema AsWritten(IReadOnlyDictionary<string, JsonElement> keywords) => Of(JsonTypes.Any) with { Keywords = keywords };

    /// <summary>An array whose elements have this shape (<see langword="null"/> when it is empty).</summary>
    public static InferredSchema OfArray(InferredSchema? items) => Of(JsonTypes.Array) with { Items = items };

    /// <summary>Whether the value was seen with (one of) <paramref name="types"/>.</summary>
    public bool Has(JsonTypes types) => (Types & types) != 0;
}
