namespace McpClientGen.Cli.Drift;

/// <summary>One line of a <see cref="LineDiff"/>.</summary>
/// <param name="Kind">Whether the line was kept, removed or added.</param>
/// <param name="Text">The line, without its line break.</param>
internal readonly record struct DiffLine(DiffLineKind Kind, string Text);
