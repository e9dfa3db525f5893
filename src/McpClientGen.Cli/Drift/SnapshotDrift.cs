namespace McpClientGen.Cli.Drift;

/// <summary>How a server's tools differ from a snapshot's. Names are sorted ordinally, as in snapshots.</summary>
/// <param name="Added">Tools the server has and the snapshot does not.</param>
/// <param name="Removed">Tools the snapshot has and the server no longer does.</param>
/// <param name="Changed">Tools both have, with different parts.</param>
internal sealed record SnapshotDrift(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<ToolChange> Changed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;
}
