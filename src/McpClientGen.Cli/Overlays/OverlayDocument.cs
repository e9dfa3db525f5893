using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpClientGen.Cli.Sampling;

namespace McpClientGen.Cli.Overlays;

/// <summary>
/// A snapshot overlay (<c>schemas/&lt;name&gt;.overlay.json</c>): what a user adds to what a server publishes, as
/// <c>{"tools": {"&lt;tool&gt;": {"outputSchema": ..., "inputSchema": ...}}}</c>. Only the <c>outputSchema</c> of one
/// tool is ever replaced; everything else in the file is written back as it was read, with <c>tools</c> sorted by name.
/// </summary>
internal sealed class OverlayDocument
{
    private const string ToolsKey = "tools";
    private const string OutputSchemaKey = "outputSchema";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // As snapshots: readable non-ASCII text and '<', '>'; an overlay is a data file, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Duplicate names would make "the" value of a key ambiguous, and rewriting the file would drop one of them.
    private static readonly JsonDocumentOptions ReadOptions = new() { AllowDuplicateProperties = false };

    private readonly JsonObject _root;

    private OverlayDocument(JsonObject root) => _root = root;

    /// <summary>An overlay with no tools yet.</summary>
    public static OverlayDocument Empty() => new(new JsonObject());

    /// <summary>Reads an overlay, refusing anything whose rewrite could lose or misplace what it holds.</summary>
    /// <exception cref="FormatException">The text is not JSON, or its <c>tools</c> are not shaped as an overlay's.</exception>
    public static OverlayDocument Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: ReadOptions);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"it is not valid JSON ({exception.Message})", exception);
        }

        if (root is not JsonObject rootObject)
        {
            throw new FormatException("it is not a JSON object");
        }

        if (rootObject[ToolsKey] is { } tools)
        {
            if (tools is not JsonObject toolsObject)
            {
                throw new FormatException("its \"tools\" is not an object keyed by tool name (is it a snapshot?)");
            }

            var notObject = toolsObject.FirstOrDefault(tool => tool.Value is not JsonObject);
            if (notObject.Key is not null)
            {
                throw new FormatException($"its entry for the tool '{notObject.Key}' is not an object");
            }
        }

        return new OverlayDocument(rootObject);
    }

    /// <summary>The <c>outputSchema</c> the overlay gives <paramref name="tool"/>, if any.</summary>
    public JsonElement? OutputSchemaOf(string tool) =>
        _root[ToolsKey]?[tool]?[OutputSchemaKey] is { } schema ? JsonElement.Parse(Render(writer => schema.WriteTo(writer))) : null;

    /// <summary>Sets the <c>outputSchema</c> of <paramref name="tool"/>, keeping the tool's other entries.</summary>
    public void SetOutputSchema(string tool, InferredSchema schema)
    {
        if (_root[ToolsKey] is not JsonObject tools)
        {
            tools = new JsonObject();
            _root[ToolsKey] = tools;
        }

        if (tools[tool] is not JsonObject entry)
        {
            entry = new JsonObject();
            tools[tool] = entry;
        }

        entry[OutputSchemaKey] = JsonNode.Parse(Render(writer => SchemaWriter.Write(writer, schema)));
        SortByName(tools);
    }

    /// <summary>The file's text: indented with two spaces, <c>\n</c> line endings, and a final newline.</summary>
    public string ToJson() => Render(writer => _root.WriteTo(writer)).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    private static void SortByName(JsonObject tools)
    {
        var sorted = tools.OrderBy(tool => tool.Key, StringComparer.Ordinal).ToList();
        tools.Clear();
        foreach (var (name, entry) in sorted)
        {
            tools[name] = entry;
        }
    }

    private static string Render(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
