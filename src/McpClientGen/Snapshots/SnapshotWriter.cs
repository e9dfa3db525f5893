using System.Text.Encodings.Web;
using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Snapshots;

/// <summary>
/// Writes a server's <c>tools/list</c> (and <c>prompts/list</c>, <c>resources/list</c> and
/// <c>resources/templates/list</c>, when it lists any) as a <c>*.mcp.json</c> snapshot. The output is deterministic
/// (tools and prompts sorted by name, resources by <c>uri</c>, templates by <c>uriTemplate</c>; fixed key order for their fields, no timestamps,
/// <c>\n</c> line endings) so that a snapshot diff in review shows exactly what the server changed. Schemas keep the
/// server's key order: the order of <c>properties</c> is the parameter order of the generated methods; so does the
/// order of a prompt's arguments. Each kind of entry is an optional array beside <c>tools</c>, written only when the
/// server lists any, so a snapshot of a server with tools alone reads as it always did.
/// </summary>
public static class SnapshotWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Keeps '<', '>' and non-ASCII text readable; snapshots are data files, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Renders the snapshot document.</summary>
    /// <param name="server">The server's name and version from the handshake, if known.</param>
    /// <param name="protocolVersion">The negotiated MCP protocol version, if known.</param>
    /// <param name="tools">The tools the server lists.</param>
    /// <param name="prompts">The prompts the server lists; none when <see langword="null"/>.</param>
    /// <param name="resources">The static resources the server lists; none when <see langword="null"/>.</param>
    /// <param name="resourceTemplates">The resource templates the server lists; none when <see langword="null"/>.</param>
    public static string Write(
        Implementation? server,
        string? protocolVersion,
        IEnumerable<Tool> tools,
        IEnumerable<Prompt>? prompts = null,
        IEnumerable<Resource>? resources = null,
        IEnumerable<ResourceTemplate>? resourceTemplates = null)
    {
        ArgumentNullException.ThrowIfNull(tools);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            if (server is not null)
            {
                writer.WriteStartObject("server");
                writer.WriteString("name", server.Name);
                writer.WriteString("version", server.Version);
                writer.WriteEndObject();
            }

            if (protocolVersion is not null)
            {
                writer.WriteString("protocolVersion", protocolVersion);
            }

            writer.WriteStartArray("tools");
            foreach (var tool in tools.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                WriteTool(writer, tool);
            }

            writer.WriteEndArray();
            WriteSorted(writer, "prompts", prompts, prompt => prompt.Name, WritePrompt);
            WriteSorted(writer, "resources", resources, resource => resource.Uri, WriteResource);
            WriteSorted(writer, "resourceTemplates", resourceTemplates, template => template.UriTemplate, WriteResourceTemplate);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteTool(Utf8JsonWriter writer, Tool tool)
    {
        writer.WriteStartObject();
        WriteNamed(writer, tool.Name, tool.Title, tool.Description);

        writer.WritePropertyName("inputSchema");
        tool.InputSchema.WriteTo(writer);
        if (tool.OutputSchema is { } outputSchema)
        {
            writer.WritePropertyName("outputSchema");
            outputSchema.WriteTo(writer);
        }

        if (tool.Annotations is { } annotations)
        {
            writer.WriteStartObject("annotations");
            WriteOptional(writer, "destructiveHint", annotations.DestructiveHint);
            WriteOptional(writer, "idempotentHint", annotations.IdempotentHint);
            WriteOptional(writer, "openWorldHint", annotations.OpenWorldHint);
            WriteOptional(writer, "readOnlyHint", annotations.ReadOnlyHint);
            if (annotations.Title is not null)
            {
                writer.WriteString("title", annotations.Title);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes an optional array of entries in the ordinal order of their key; nothing at all when there are none.</summary>
    private static void WriteSorted<T>(Utf8JsonWriter writer, string name, IEnumerable<T>? entries, Func<T, string> keyOf, Action<Utf8JsonWriter, T> write)
    {
        var sorted = (entries ?? []).OrderBy(keyOf, StringComparer.Ordinal).ToList();
        if (sorted.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var entry in sorted)
        {
            write(writer, entry);
        }

        writer.WriteEndArray();
    }

    private static void WritePrompt(Utf8JsonWriter writer, Prompt prompt)
    {
        writer.WriteStartObject();
        WriteNamed(writer, prompt.Name, prompt.Title, prompt.Description);
        if (prompt.Arguments is { Count: > 0 } arguments)
        {
            writer.WriteStartArray("arguments");
            foreach (var argument in arguments)
            {
                writer.WriteStartObject();
                WriteNamed(writer, argument.Name, argument.Title, argument.Description);
                WriteOptional(writer, "required", argument.Required);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteResource(Utf8JsonWriter writer, Resource resource) =>
        WriteAddressed(writer, ("uri", resource.Uri), resource.Name, resource.Title, resource.Description, resource.MimeType, resource.Size);

    private static void WriteResourceTemplate(Utf8JsonWriter writer, ResourceTemplate template) =>
        WriteAddressed(writer, ("uriTemplate", template.UriTemplate), template.Name, template.Title, template.Description, template.MimeType, size: null);

    /// <summary>A resource or resource template: its address first, then its names, and its MIME type and size when set.</summary>
    private static void WriteAddressed(Utf8JsonWriter writer, (string Key, string Value) address, string name, string? title, string? description, string? mimeType, long? size)
    {
        writer.WriteStartObject();
        writer.WriteString(address.Key, address.Value);
        WriteNamed(writer, name, title, description);
        WriteOptional(writer, "mimeType", mimeType);
        if (size is { } bytes)
        {
            writer.WriteNumber("size", bytes);
        }

        writer.WriteEndObject();
    }

    /// <summary>The leading members every entry shares: <c>name</c>, then <c>title</c> and <c>description</c> when set.</summary>
    private static void WriteNamed(Utf8JsonWriter writer, string name, string? title, string? description)
    {
        writer.WriteString("name", name);
        WriteOptional(writer, "title", title);
        WriteOptional(writer, "description", description);
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } flag)
        {
            writer.WriteBoolean(name, flag);
        }
    }
}
