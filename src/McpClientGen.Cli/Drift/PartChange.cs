namespace McpClientGen.Cli.Drift;

/// <summary>One part of an entry that differs between the snapshot and the server.</summary>
/// <param name="Part">The part, one of its kind's <see cref="EntryKind.PartNames"/>, such as <c>inputSchema</c> or <c>arguments</c>.</param>
/// <param name="Before">The snapshot's text of the part; <see langword="null"/> when the snapshot's entry lacks it.</param>
/// <param name="After">The server's text of the part; <see langword="null"/> when the server's entry lacks it.</param>
internal sealed record PartChange(string Part, string? Before, string? After);
