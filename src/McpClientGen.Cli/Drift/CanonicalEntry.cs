using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpClientGen.Cli.Drift;

/// <summary>
/// An entry (tool, prompt, resource or template) as the snapshot writer writes it, split into the parts that
/// <c>check</c> compares. Both sides of a comparison go through the writer (see
/// <see cref="Snapshots.SnapshotEntries.ToDocument"/>), so whitespace, escaping and the order of annotation keys never
/// count as drift. The order of schema properties and of prompt arguments does count: it is the parameter order of the
/// generated methods.
/// </summary>
internal sealed class CanonicalEntry
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    private readonly Dictionary<string, string?> _parts;

    private CanonicalEntry(string key, Dictionary<string, string?> parts)
    {
        Key = key;
        _parts = parts;
    }

    /// <summary>The entry's name, or its URI (template) for a resource (template).</summary>
    public string Key { get; }

    /// <summary>
    /// The part's text: a string part (title, description) as the text itself, so multi-line descriptions diff by line;
    /// anything else as indented JSON. <see langword="null"/> when the entry does not have the part.
    /// </summary>
    public string? this[string part] => _parts[part];

    /// <summary>The entries of <paramref name="kind"/> in a written snapshot document, in document order.</summary>
    public static IEnumerable<CanonicalEntry> All(JsonObject document, EntryKind kind) =>
        (document[kind.ArrayName]?.AsArray() ?? []).Select(entry => From(entry!.AsObject(), kind));

    private static CanonicalEntry From(JsonObject written, EntryKind kind)
    {
        var parts = kind.PartNames.ToDictionary(
            part => part,
            part => written[part] is { } value ? Render(value) : null,
            StringComparer.Ordinal);
        return new CanonicalEntry(written[kind.Key]!.GetValue<string>(), parts);
    }

    private static string Render(JsonNode value)
    {
        if (value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        // Re-indented from the top, since the value sits nested inside the written document.
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            value.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
