using System;
using System.Collections.Immutable;
using System.Linq;
using McpClientGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Parsing.Overlays;

/// <summary>
/// A snapshot file and its overlay, if it has one: what one snapshot is read from. Files compare by identity, and
/// the compiler gives an edited file a new identity, so editing one overlay reads again only the snapshot it refines.
/// </summary>
/// <param name="Snapshot">The <c>*.mcp.json</c> file.</param>
/// <param name="Overlay">The <c>*.overlay.json</c> beside it, if any.</param>
/// <param name="IsUsed">Whether some <c>[McpClient]</c> names the snapshot; one that none names is not read.</param>
internal sealed record SnapshotSources(AdditionalText Snapshot, AdditionalText? Overlay, bool IsUsed = false)
{
    public static SnapshotSources Of(AdditionalText snapshot, ImmutableArray<AdditionalText> overlays) =>
        new(snapshot, OverlayPaths.OverlayOf(snapshot.Path, overlays, overlay => overlay.Path));

    /// <summary>These sources, marked as used when <paramref name="usedNames"/> holds the snapshot's name (ignoring case).</summary>
    public SnapshotSources UsedBy(EquatableArray<string> usedNames)
    {
        var name = SnapshotParser.NameOf(Snapshot.Path);
        return this with { IsUsed = usedNames.Any(used => string.Equals(used, name, StringComparison.OrdinalIgnoreCase)) };
    }
}
