namespace McpClientGen.Cli.Drift;

/// <summary>An entry (a tool, prompt, resource or template) that both the snapshot and the server have, with the parts that differ.</summary>
/// <param name="Key">The entry's name, or URI (template) for a resource (template).</param>
/// <param name="Parts">The differing parts, in snapshot order.</param>
internal sealed record EntryChange(string Key, IReadOnlyList<PartChange> Parts);
