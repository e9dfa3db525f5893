using System.Collections.Immutable;
using System.Linq;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace McpClientGen.Generator.Parsing.Overlays;

/// <summary>An overlay with no snapshot beside it: a warning, since an overlay left behind must not break the build.</summary>
internal static class UnmatchedOverlay
{
    public static EquatableArray<DiagnosticInfo> Diagnose(string overlayPath, ImmutableArray<string> snapshotPaths)
    {
        if (snapshotPaths.Any(snapshotPath => OverlayPaths.Refines(overlayPath, snapshotPath)))
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        // The file's start: the whole file is what is out of place, and its text need not be read to say so.
        var start = Location.Create(overlayPath, default, new LinePositionSpan(default, default));
        return new[]
        {
            DiagnosticInfo.Create(
                DiagnosticDescriptors.OverlayWithoutSnapshot,
                start,
                System.IO.Path.GetFileName(overlayPath),
                System.IO.Path.GetFileName(OverlayPaths.SnapshotPathFor(overlayPath))),
        }.ToEquatableArray();
    }
}
