using System;
using System.Collections.Generic;
using System.Linq;

namespace McpClientGen.Generator.Parsing.Overlays;

/// <summary>
/// Where overlays live: <c>schemas/crm.overlay.json</c> refines <c>schemas/crm.mcp.json</c>, the snapshot of the same
/// name in the same folder, so it is clear which snapshot an overlay belongs to however many folders hold snapshots.
/// </summary>
internal static class OverlayPaths
{
    public const string FileSuffix = ".overlay.json";

    /// <summary>How diagnostics name the overlay a value was read from: its file name.</summary>
    public static string FileNameOf(Json.JsonNode node) => System.IO.Path.GetFileName(node.Source.Path);

    public static bool IsOverlayPath(string path) => path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The snapshot an overlay refines: <c>schemas/crm.overlay.json</c> → <c>schemas/crm.mcp.json</c>.</summary>
    public static string SnapshotPathFor(string overlayPath) =>
        overlayPath.Substring(0, overlayPath.Length - FileSuffix.Length) + SnapshotParser.FileSuffix;

    /// <summary>
    /// Whether <paramref name="overlayPath"/> refines <paramref name="snapshotPath"/>. Names compare as snapshot names
    /// do (ignoring case); folders compare exactly.
    /// </summary>
    public static bool Refines(string overlayPath, string snapshotPath) =>
        string.Equals(SnapshotPathFor(overlayPath), snapshotPath, StringComparison.OrdinalIgnoreCase)
        && string.Equals(System.IO.Path.GetDirectoryName(overlayPath), System.IO.Path.GetDirectoryName(snapshotPath), StringComparison.Ordinal);

    /// <summary>The overlay of a snapshot, or <see langword="null"/>; the first by path when case makes several.</summary>
    public static T? OverlayOf<T>(string snapshotPath, IEnumerable<T> overlays, Func<T, string> pathOf)
        where T : class =>
        overlays.Where(overlay => Refines(pathOf(overlay), snapshotPath)).OrderBy(pathOf, StringComparer.Ordinal).FirstOrDefault();
}
