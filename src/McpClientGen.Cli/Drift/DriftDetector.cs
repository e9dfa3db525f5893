using ModelContextProtocol.Protocol;

namespace McpClientGen.Cli.Drift;

/// <summary>
/// Compares the tools of a snapshot with a server's. Only tools count: the server's version and the protocol version
/// are provenance, and a server that bumps its version without changing a tool has not drifted.
/// </summary>
internal static class DriftDetector
{
    public static SnapshotDrift Compare(IEnumerable<Tool> snapshot, IEnumerable<Tool> server)
    {
        var before = Index(snapshot, "snapshot");
        var after = Index(server, "server");

        var added = after.Keys.Where(name => !before.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        var removed = before.Keys.Where(name => !after.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        var changed = new List<ToolChange>();
        foreach (var name in before.Keys.Where(after.ContainsKey).Order(StringComparer.Ordinal))
        {
            var (old, current) = (before[name], after[name]);
            var parts = CanonicalTool.PartNames
                .Where(part => !string.Equals(old[part], current[part], StringComparison.Ordinal))
                .Select(part => new PartChange(part, old[part], current[part]))
                .ToList();
            if (parts.Count > 0)
            {
                changed.Add(new ToolChange(name, parts));
            }
        }

        return new SnapshotDrift(added, removed, changed);
    }

    private static Dictionary<string, CanonicalTool> Index(IEnumerable<Tool> tools, string side)
    {
        var index = new Dictionary<string, CanonicalTool>(StringComparer.Ordinal);
        foreach (var tool in tools)
        {
            if (!index.TryAdd(tool.Name, CanonicalTool.From(tool)))
            {
                throw new CommandFailedException($"The {side} lists the tool '{tool.Name}' twice.");
            }
        }

        return index;
    }
}
