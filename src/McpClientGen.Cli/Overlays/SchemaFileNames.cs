namespace McpClientGen.Cli.Overlays;

/// <summary>
/// How the generator tells the files in <c>schemas/</c> apart: <c>&lt;name&gt;.mcp.json</c> is a snapshot that
/// <c>mcpgen snapshot</c> rewrites, <c>&lt;name&gt;.overlay.json</c> the user's overlay beside it, which it never touches.
/// </summary>
internal static class SchemaFileNames
{
    public const string SnapshotSuffix = ".mcp.json";

    public const string OverlaySuffix = ".overlay.json";

    public static bool IsOverlay(string path) => path.EndsWith(OverlaySuffix, StringComparison.OrdinalIgnoreCase);

    public static bool IsSnapshot(string path) => path.EndsWith(SnapshotSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The snapshot an overlay belongs to: <c>schemas/github.overlay.json</c> → <c>schemas/github.mcp.json</c>.</summary>
    public static string SnapshotBeside(string overlayPath) => overlayPath[..^OverlaySuffix.Length] + SnapshotSuffix;
}
