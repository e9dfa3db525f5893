namespace McpClientGen.Cli;

/// <summary>
/// What a command reads and writes besides its arguments: results go to <see cref="Out"/>, progress and errors to
/// <see cref="Error"/>, and secrets come from <see cref="Environment"/>. <see cref="Program.Main"/> passes the
/// process's own; tests pass captured writers and a dictionary, so they run commands in-process.
/// </summary>
/// <param name="Out">Standard output: the snapshot path, the diff, the tool list.</param>
/// <param name="Error">Standard error: progress, notes and error messages.</param>
/// <param name="Environment">The environment variables that secrets are read from.</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, IReadOnlyDictionary<string, string?> Environment);
