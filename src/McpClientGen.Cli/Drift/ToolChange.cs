namespace McpClientGen.Cli.Drift;

/// <summary>A tool that both the snapshot and the server have, with the parts that differ.</summary>
/// <param name="Name">The tool's name.</param>
/// <param name="Parts">The differing parts, in snapshot order.</param>
internal sealed record ToolChange(string Name, IReadOnlyList<PartChange> Parts);
