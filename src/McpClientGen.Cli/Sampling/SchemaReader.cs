using System.Text.Json;

namespace McpClientGen.Cli.Sampling;

/// <summary>
/// Reads an existing <c>outputSchema</c> (one <c>mcpgen sample</c> wrote, perhaps edited since) as what earlier samples
/// said, so that a new sample refines it. Keywords inference does not make are kept as they are (until a sample
/// violates one: <see cref="ViolatedKeywords"/>). A schema that names no type and implies none (<c>{}</c>, a
/// <c>format</c> alone), or whose shape inference cannot check (<c>$ref</c>, <c>anyOf</c>, ...), allows more than any
/// sample shows: it is read as <see cref="JsonTypes.Any"/>, kept as written.
/// </summary>
internal static class SchemaReader
{
    /// <summary>Keywords whose meaning depends on other schemas, which inference neither checks nor refines.</summary>
    private static readonly string[] UncheckedShapeKeywords = ["$ref", "$dynamicRef", "anyOf", "oneOf", "allOf", "not", "if"];

    /// <exception cref="FormatException">A schema, <c>properties</c> or <c>required</c> is not of the JSON type JSON Schema says.</exception>
    public static InferredSchema Read(JsonElement schema, string path)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{path} is not a schema object");
        }

        if (UncheckedShapeKeywords.Any(keyword => schema.TryGetProperty(keyword, out _)))
        {
            return AsWritten(schema);
        }

        var properties = new Dictionary<string, InferredSchema>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        var keywords = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var types = JsonTypes.None;
        string? format = null;
        InferredSchema? items = null;
        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case SchemaKeywords.Type:
                    types = ReadTypes(value, $"{path}.type");
                    break;
                case SchemaKeywords.Format when value.ValueKind == JsonValueKind.String:
                    format = value.GetString();
                    break;
                case SchemaKeywords.Items:
                    items = Read(value, $"{path}.items");
                    break;
                case SchemaKeywords.Properties:
                    foreach (var property in ObjectOf(value, $"{path}.properties").EnumerateObject())
                    {
                        properties[property.Name] = Read(property.Value, $"{path}.properties.{property.Name}");
                    }

                    break;
                case SchemaKeywords.Required:
                    required.UnionWith(NamesOf(value, $"{path}.required"));
                    break;
                default:
                    keywords[keyword.Name] = value.Clone();
                    break;
            }
        }

        // A schema may leave its type to its keywords; JSON Schema then allows any type, but these imply one, as
        // they do for the generator. Without them it means "any value", which no sample may narrow.
        if (types == JsonTypes.None)
        {
            types = properties.Count > 0 ? JsonTypes.Object : items is not null ? JsonTypes.Array : JsonTypes.None;
        }

        return types == JsonTypes.None ? AsWritten(schema) : new InferredSchema(types, format, properties, required, items, keywords);
    }

    private static InferredSchema AsWritten(JsonElement schema) =>
        InferredSchema.AsWritten(schema.EnumerateObject().ToDictionary(keyword => keyword.Name, keyword => keyword.Value.Clone(), StringComparer.Ordinal));

    private static JsonTypes ReadTypes(JsonElement value, string path)
    {
        var names = value.ValueKind == JsonValueKind.String ? [value.GetString()!] : NamesOf(value, path);
        var types = JsonTypes.None;
        foreach (var name in names)
        {
            var known = SchemaKeywords.TypeNames.FirstOrDefault(type => type.Name == name);
            types |= known.Name is null ? throw new FormatException($"{path} names the unknown type '{name}'") : known.Type;
        }

        return types;
    }

    private static JsonElement ObjectOf(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Object ? value : throw new FormatException($"{path} is not an object");

    private static List<string> NamesOf(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(name => name.ValueKind == JsonValueKind.String)
            ? value.EnumerateArray().Select(name => name.GetString()!).ToList()
            : throw new FormatException($"{path} is not an array of strings");
}
