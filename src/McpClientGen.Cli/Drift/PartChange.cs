namespace McpClientGen.Cli.Drift;

/// <summary>One part of a tool that differs between the snapshot and the server.</summary>
/// <param name="Part">The part: <c>title</c>, <c>description</c>, <c>inputSchema</c>, <c>outputSchema</c> or <c>annotations</c>.</param>
/// <param name="Before">The snapshot's text of the part; <see langword="null"/> when the snapshot's tool lacks it.</param>
/// <param name="After">The server's text of the part; <see langword="null"/> when the server's tool lacks it.</param>
internal sealed record PartChange(string Part, string? Before, string? After);
