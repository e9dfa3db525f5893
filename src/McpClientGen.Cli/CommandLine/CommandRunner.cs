using Microsoft.Extensions.Logging;
using McpClientGen.Cli.Logging;

namespace McpClientGen.Cli.CommandLine;

/// <summary>
/// Runs the body of a command: with the runtime's logs on standard error when <c>--verbose</c> is given, and with every
/// failure turned into a message and exit code 2 rather than an unhandled exception.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(
        CliContext context,
        bool verbose,
        Func<ILoggerFactory?, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken)
    {
        using var logging = verbose ? new StandardErrorLoggerFactory(context.Error) : null;
        try
        {
            return await body(logging, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("Cancelled.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // Whatever fails, the user gets one readable line and exit code 2, never a crash dump.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            ErrorReport.Write(context.Error, exception, verbose);
            return ExitCodes.Error;
        }
    }
}
