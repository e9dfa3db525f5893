namespace McpClientGen.Cli.Drift;

/// <summary>Whether a line of a <see cref="LineDiff"/> is in both texts, only the old one or only the new one.</summary>
internal enum DiffLineKind
{
    Unchanged,
    Removed,
    Added,
}
