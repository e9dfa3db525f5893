namespace McpClientGen.Generator.Model;

/// <summary>An interface bound to its snapshot: everything one client's emission needs.</summary>
/// <param name="Interface">The annotated interface.</param>
/// <param name="Snapshot">The snapshot, or <see langword="null"/> when none matched or it is unusable.</param>
/// <param name="Methods">The tool methods of the client, after filters, declared members and renaming.</param>
/// <param name="Diagnostics">Problems found while binding.</param>
internal sealed record ClientSpec(
    InterfaceSpec Interface,
    SnapshotSpec? Snapshot,
    EquatableArray<ToolMethodSpec> Methods,
    EquatableArray<DiagnosticInfo> Diagnostics);
