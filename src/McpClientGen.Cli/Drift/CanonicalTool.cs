using System.Text.Encodings.Web;
using System.Text.Json;
using McpClientGen.Snapshots;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Cli.Drift;

/// <summary>
/// A tool as <see cref="SnapshotWriter"/> writes it, split into the parts that <c>check</c> compares. Both sides of a
/// comparison go through the writer, so whitespace, escaping and the order of annotation keys never count as drift.
/// The order of schema properties does count: it is the parameter order of the generated methods.
/// </summary>
internal sealed class CanonicalTool
{
    /// <summary>The compared parts, in the order the snapshot writes them.</summary>
    public static readonly IReadOnlyList<string> PartNames = ["title", "description", "inputSchema", "outputSchema", "annotations"];

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    private readonly Dictionary<string, string?> _parts;

    private CanonicalTool(string name, Dictionary<string, string?> parts)
    {
        Name = name;
        _parts = parts;
    }

    public string Name { get; }

    /// <summary>
    /// The part's text: a string part (title, description) as the text itself, so multi-line descriptions diff by line;
    /// anything else as indented JSON. <see langword="null"/> when the tool does not have the part.
    /// </summary>
    public string? this[string part] => _parts[part];

    public static CanonicalTool From(Tool tool)
    {
        using var document = JsonDocument.Parse(SnapshotWriter.Write(server: null, protocolVersion: null, [tool]));
        var written = document.RootElement.GetProperty("tools")[0];
        var parts = PartNames.ToDictionary(
            part => part,
            part => written.TryGetProperty(part, out var value) ? Render(value) : null,
            StringComparer.Ordinal);
        return new CanonicalTool(tool.Name, parts);
    }

    private static string Render(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!;
        }

        // Re-indented from the top, since the element sits nested inside the written document.
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            value.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
