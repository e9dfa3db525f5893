using McpClientGen.Cli.Snapshots;

namespace McpClientGen.Cli.Drift;

/// <summary>
/// Compares the entries of a snapshot with a server's: tools, prompts, resources and resource templates. Only entries
/// count: the server's version and the protocol version are provenance, and a server that bumps its version without
/// changing an entry has not drifted.
/// </summary>
internal static class DriftDetector
{
    public static SnapshotDrift Compare(SnapshotEntries snapshot, SnapshotEntries server)
    {
        var (before, after) = (snapshot.ToDocument(), server.ToDocument());
        var kinds = EntryKind.All
            .Select(kind => Compare(kind, Index(CanonicalEntry.All(before, kind), kind, "snapshot"), Index(CanonicalEntry.All(after, kind), kind, "server")))
            .Where(drift => !drift.IsEmpty)
            .ToList();
        return new SnapshotDrift(kinds);
    }

    private static KindDrift Compare(EntryKind kind, Dictionary<string, CanonicalEntry> before, Dictionary<string, CanonicalEntry> after)
    {
        var added = after.Keys.Where(key => !before.ContainsKey(key)).Order(StringComparer.Ordinal).ToList();
        var removed = before.Keys.Where(key => !after.ContainsKey(key)).Order(StringComparer.Ordinal).ToList();
        var changed = new List<EntryChange>();
        foreach (var key in before.Keys.Where(after.ContainsKey).Order(StringComparer.Ordinal))
        {
            var (old, current) = (before[key], after[key]);
            var parts = kind.PartNames
                .Where(part => !string.Equals(old[part], current[part], StringComparison.Ordinal))
                .Select(part => new PartChange(part, old[part], current[part]))
                .ToList();
            if (parts.Count > 0)
            {
                changed.Add(new EntryChange(key, parts));
            }
        }

        return new KindDrift(kind, added, removed, changed);
    }

    private static Dictionary<string, CanonicalEntry> Index(IEnumerable<CanonicalEntry> entries, EntryKind kind, string side)
    {
        var index = new Dictionary<string, CanonicalEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!index.TryAdd(entry.Key, entry))
            {
                throw new CommandFailedException($"The {side} lists the {kind.Singular} '{entry.Key}' twice.");
            }
        }

        return index;
    }
}
