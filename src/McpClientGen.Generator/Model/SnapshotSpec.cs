namespace McpClientGen.Generator.Model;

/// <summary>The tools of a usable <c>*.mcp.json</c> snapshot and the types they need; no locations.</summary>
internal sealed record SnapshotSpec(
    string Name,
    EquatableArray<ToolSpec> Tools,
    EquatableArray<RecordSpec> Records,
    EquatableArray<EnumSpec> Enums);
