namespace McpClientGen.Cli.Drift;

/// <summary>How a server differs from a snapshot: the kinds of entry that drifted, in snapshot order.</summary>
/// <param name="Kinds">One drift per kind that differs; kinds that match are left out.</param>
internal sealed record SnapshotDrift(IReadOnlyList<KindDrift> Kinds)
{
    public bool IsEmpty => Kinds.Count == 0;
}
