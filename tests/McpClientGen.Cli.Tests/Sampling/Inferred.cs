using System.Text;
using System.Text.Json;
using McpClientGen.Cli.Sampling;

namespace McpClientGen.Cli.Tests.Sampling;

/// <summary>Runs inference on JSON text and renders the result compactly, so tests compare whole schemas as strings.</summary>
internal static class Inferred
{
    /// <summary>The schema of several samples of one value, merged in order.</summary>
    public static string From(params string[] samples) => Render(samples.Select(Infer).Aggregate(SchemaMerge.Merge));

    /// <summary>An existing schema refined by further samples, as <c>mcpgen sample</c> does with an overlay.</summary>
    public static string Refine(string existing, params string[] samples) => Refine(existing, new List<string>(), samples);

    /// <summary>As <see cref="Refine(string, string[])"/>, with the notes on keywords a sample violated.</summary>
    public static string Refine(string existing, List<string> notes, params string[] samples)
    {
        using var document = JsonDocument.Parse(existing);
        var schema = SchemaReader.Read(document.RootElement, "schema");
        foreach (var sample in samples)
        {
            using var value = JsonDocument.Parse(sample);
            schema = SchemaMerge.Merge(ViolatedKeywords.Drop(schema, value.RootElement, "schema", notes), SchemaInference.Infer(value.RootElement));
        }

        return Render(schema);
    }

    public static InferredSchema Infer(string json)
    {
        using var document = JsonDocument.Parse(json);
        return SchemaInference.Infer(document.RootElement);
    }

    public static string Render(InferredSchema schema)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            SchemaWriter.Write(writer, schema);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
