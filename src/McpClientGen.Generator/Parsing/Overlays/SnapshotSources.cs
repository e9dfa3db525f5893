using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Parsing.Overlays;

/// <summary>
/// A snapshot file and its overlay, if it has one: what one snapshot is read from. Files compare by identity, and
/// the compiler gives an edited file a new identity, so editing one overlay reads again only the snapshot it refines.
/// </summary>
internal sealed record SnapshotSources(AdditionalText Snapshot, AdditionalText? Overlay)
{
    public static SnapshotSources Of(AdditionalText snapshot, ImmutableArray<AdditionalText> overlays) =>
        new(snapshot, OverlayPaths.OverlayOf(snapshot.Path, overlays, overlay => overlay.Path));
}
