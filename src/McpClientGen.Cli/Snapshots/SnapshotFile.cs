using McpClientGen.Snapshots;

namespace McpClientGen.Cli.Snapshots;

/// <summary>A snapshot file as <see cref="SnapshotFileReader"/> read it.</summary>
/// <param name="Snapshot">Its provenance, tools and prompts.</param>
/// <param name="Entries">Everything it lists, resources and resource templates included.</param>
/// <param name="ToolsOnly">
/// Whether it is a bare <c>tools/list</c> result or array of tools, which says nothing of prompts or resources; a snapshot
/// (with <c>server</c>, <c>protocolVersion</c> or an array of format v2) says the server had none when it lacks an array.
/// </param>
internal sealed record SnapshotFile(ToolSnapshot Snapshot, SnapshotEntries Entries, bool ToolsOnly)
{
    /// <summary>The part of the server's entries this file can be compared with.</summary>
    public SnapshotEntries Comparable(SnapshotEntries server) =>
        ToolsOnly ? server with { Prompts = [], Resources = [], ResourceTemplates = [] } : server;
}
