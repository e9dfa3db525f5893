namespace McpClientGen.Cli;

/// <summary>
/// The exit codes of every <c>mcpgen</c> command. Drift has its own code, distinct from failures, so that a CI step
/// can tell "the server changed" from "the check could not run".
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did its work; for <c>check</c>, the server's tools equal the snapshot's.</summary>
    public const int Success = 0;

    /// <summary><c>check</c> only: the server's tools differ from the snapshot's; the diff is on standard output.</summary>
    public const int Drift = 1;

    /// <summary>
    /// The command could not do its work: a usage error, a missing secret, an unreadable file, or a failure to
    /// connect or authenticate. The reason is on standard error.
    /// </summary>
    public const int Error = 2;

    /// <summary>Interrupted with Ctrl+C; 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
