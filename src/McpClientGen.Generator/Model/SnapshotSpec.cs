namespace McpClientGen.Generator.Model;

/// <summary>
/// A parsed <c>*.mcp.json</c> file: its tools and the types they need, plus the problems found in it.
/// <see cref="IsUsable"/> is false when an error prevents generating a client from it.
/// </summary>
internal sealed record SnapshotSpec(
    string Name,
    string Path,
    bool IsUsable,
    EquatableArray<ToolSpec> Tools,
    EquatableArray<RecordSpec> Records,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<DiagnosticInfo> Diagnostics);
