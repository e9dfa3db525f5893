using System.ComponentModel;
using System.Text.Json;

namespace McpClientGen;

/// <summary>
/// A tool as the snapshot describes it, for the generated <c>AsAITools</c>: its wire name, description, input schema
/// and whether it is annotated read-only. The generator wrote the schema from the snapshot, so it is JSON.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class McpAIToolDescription
{
    /// <summary>Describes a tool.</summary>
    /// <param name="name">The tool's wire name.</param>
    /// <param name="description">The tool's description, if it has one.</param>
    /// <param name="inputSchemaJson">The tool's input schema.</param>
    /// <param name="readOnly">Whether the tool is annotated read-only (<c>readOnlyHint: true</c>).</param>
    public McpAIToolDescription(string name, string? description, string inputSchemaJson, bool readOnly)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(inputSchemaJson);
        using var schema = JsonDocument.Parse(inputSchemaJson);
        (Name, Description, InputSchema, ReadOnly) = (name, description ?? "", schema.RootElement.Clone(), readOnly);
    }

    internal string Name { get; }

    internal string Description { get; }

    internal JsonElement InputSchema { get; }

    internal bool ReadOnly { get; }
}
