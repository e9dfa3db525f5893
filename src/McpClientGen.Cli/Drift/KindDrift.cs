namespace McpClientGen.Cli.Drift;

/// <summary>How the server's entries of one kind differ from the snapshot's. Keys are sorted ordinally, as in snapshots.</summary>
/// <param name="Kind">Tools, prompts, resources or resource templates.</param>
/// <param name="Added">Entries the server has and the snapshot does not.</param>
/// <param name="Removed">Entries the snapshot has and the server no longer does.</param>
/// <param name="Changed">Entries both have, with different parts.</param>
internal sealed record KindDrift(EntryKind Kind, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<EntryChange> Changed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;
}
