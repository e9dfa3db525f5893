using System.Text.Json;

namespace McpClientGen.Cli.Sampling;

/// <summary>
/// Writes an inferred schema as JSON Schema, always the same way: <c>type</c> (one name, or several with <c>null</c>
/// last), <c>format</c>, kept keywords sorted by name, <c>items</c>, then <c>properties</c> and <c>required</c> sorted
/// by name. An <c>integer</c> seen beside a <c>number</c> is written as <c>number</c> alone, which includes it. A schema
/// kept as written (<see cref="JsonTypes.Any"/>) is written with its keywords in the order they were read.
/// </summary>
internal static class SchemaWriter
{
    public static void Write(Utf8JsonWriter writer, InferredSchema schema)
    {
        writer.WriteStartObject();
        if (schema.Has(JsonTypes.Any))
        {
            WriteKeywords(writer, schema.Keywords);
            writer.WriteEndObject();
            return;
        }

        WriteType(writer, schema.Types);
        if (schema.Format is { } format)
        {
            writer.WriteString(SchemaKeywords.Format, format);
        }

        WriteKeywords(writer, schema.Keywords.OrderBy(keyword => keyword.Key, StringComparer.Ordinal));

        if (schema.Has(JsonTypes.Array) && schema.Items is { } items)
        {
            writer.WritePropertyName(SchemaKeywords.Items);
            Write(writer, items);
        }

        if (schema.Has(JsonTypes.Object) && schema.Properties.Count > 0)
        {
            writer.WriteStartObject(SchemaKeywords.Properties);
            foreach (var (name, property) in schema.Properties.OrderBy(property => property.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(name);
                Write(writer, property);
            }

            writer.WriteEndObject();
            WriteRequired(writer, schema);
        }

        writer.WriteEndObject();
    }

    private static void WriteKeywords(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, JsonElement>> keywords)
    {
        foreach (var (name, value) in keywords)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }

    private static void WriteType(Utf8JsonWriter writer, JsonTypes types)
    {
        if (types.HasFlag(JsonTypes.Number))
        {
            types &= ~JsonTypes.Integer;
        }

        var names = SchemaKeywords.TypeNames.Where(type => types.HasFlag(type.Type)).Select(type => type.Name).ToList();
        switch (names.Count)
        {
            case 0:
                return;
            case 1:
                writer.WriteString(SchemaKeywords.Type, names[0]);
                return;
            default:
                writer.WriteStartArray(SchemaKeywords.Type);
                names.ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
                return;
        }
    }

    private static void WriteRequired(Utf8JsonWriter writer, InferredSchema schema)
    {
        var required = schema.Required.OrderBy(name => name, StringComparer.Ordinal).ToList();
        if (required.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(SchemaKeywords.Required);
        required.ForEach(writer.WriteStringValue);
        writer.WriteEndArray();
    }
}
