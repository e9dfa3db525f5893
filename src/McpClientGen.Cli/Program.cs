using System.Collections;
using System.CommandLine;
using System.CommandLine.Invocation;
using McpClientGen.Cli.CommandLine;

namespace McpClientGen.Cli;

/// <summary>
/// The <c>mcpgen</c> command: <c>snapshot</c> captures an MCP server's <c>tools/list</c> as a <c>*.mcp.json</c> file,
/// <c>check</c> reports drift between a server and its snapshot, <c>list</c> prints the server's tools, <c>sample</c>
/// infers a tool's output schema from a call into an overlay.
/// </summary>
public static class Program
{
    /// <summary>Runs <c>mcpgen</c> on the process's console and environment; Ctrl+C cancels the command.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code: 0 success, 1 drift (<c>check</c>), 2 error, 130 interrupted.</returns>
    public static async Task<int> Main(string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancelKey = (_, press) =>
        {
            // The first Ctrl+C lets the command close its connection and exit; a second one ends the process.
            press.Cancel = !interrupt.IsCancellationRequested;
            interrupt.Cancel();
        };
        Console.CancelKeyPress += onCancelKey;
        try
        {
            return await RunAsync(args, Console.Out, Console.Error, ReadProcessEnvironment(), interrupt.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancelKey;
        }
    }

    /// <summary>
    /// Runs <c>mcpgen</c> with the given streams and environment instead of the process's, so that tests run commands
    /// in-process.
    /// </summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="stdout">Receives results: the snapshot path, the drift report, the tool list, help.</param>
    /// <param name="stderr">Receives progress, notes and errors.</param>
    /// <param name="environment">The environment variables that secrets are read from.</param>
    /// <param name="cancellationToken">Cancels the command; it then exits with 130.</param>
    /// <returns>The exit code: 0 success, 1 drift (<c>check</c>), 2 error or usage error, 130 cancelled.</returns>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(environment);

        // Runtime logs (--verbose) arrive from the SDK's background threads while the command writes progress.
        var context = new CliContext(TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr), environment);
        var parseResult = McpgenCommand.Create(context).Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            return ReportUsageErrors(parseResult, context.Error);
        }

        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            // Every command reports its own failures (CommandRunner); termination is handled by Main's token.
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// System.CommandLine's own messages, on standard error only: its default would print help to standard output,
    /// which scripts read as results, and exit with 1, which <c>check</c> reserves for drift.
    /// </summary>
    private static int ReportUsageErrors(ParseResult parseResult, TextWriter stderr)
    {
        foreach (var error in parseResult.Errors)
        {
            stderr.WriteLine(error.Message);
        }

        var command = parseResult.CommandResult.Command;
        var path = command is RootCommand ? "mcpgen" : $"mcpgen {command.Name}";
        stderr.WriteLine($"Run '{path} --help' for usage.");
        return ExitCodes.Error;
    }

    private static Dictionary<string, string?> ReadProcessEnvironment()
    {
        // Windows treats variable names case-insensitively; other systems do not.
        var comparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var environment = new Dictionary<string, string?>(comparer);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            environment[(string)variable.Key] = (string?)variable.Value;
        }

        return environment;
    }
}
