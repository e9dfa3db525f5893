using System.Text.Encodings.Web;
using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Snapshots;

/// <summary>
/// Writes a server's <c>tools/list</c> as a <c>*.mcp.json</c> snapshot. The output is deterministic (tools
/// sorted by name, fixed key order for tool fields, no timestamps, <c>\n</c> line endings) so that a snapshot
/// diff in review shows exactly what the server changed. Schemas keep the server's key order: the order of
/// <c>properties</c> is the parameter order of the generated methods.
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
    public static string Write(Implementation? server, string? protocolVersion, IEnumerable<Tool> tools)
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
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteTool(Utf8JsonWriter writer, Tool tool)
    {
        writer.WriteStartObject();
        writer.WriteString("name", tool.Name);
        if (tool.Title is not null)
        {
            writer.WriteString("title", tool.Title);
        }

        if (tool.Description is not null)
        {
            writer.WriteString("description", tool.Description);
        }

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

    private static void WriteOptional(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } flag)
        {
            writer.WriteBoolean(name, flag);
        }
    }
}
