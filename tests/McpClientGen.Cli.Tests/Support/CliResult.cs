namespace McpClientGen.Cli.Tests.Support;

/// <summary>What one run of <c>mcpgen</c> left behind.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>Everything it printed, for asserting that something was printed nowhere.</summary>
    public string AllOutput => Out + Error;

    /// <summary>Standard output split into lines, without the final empty one.</summary>
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}--- stderr ---\n{Error}";
}
