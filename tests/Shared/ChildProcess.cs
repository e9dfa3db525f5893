using System.Diagnostics;

namespace McpClientGen.Testing;

/// <summary>
/// Runs a program to its end and captures what it prints. A program still running at the time limit is killed together
/// with every process it started (a hung <c>node</c> or build must not outlive the test run), and the test fails.
/// </summary>
internal static class ChildProcess
{
    public static async Task<ChildProcessResult> RunAsync(ProcessStartInfo start, TimeSpan limit)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var commandLine = string.Join(' ', [start.FileName, .. start.ArgumentList]);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"`{commandLine}` did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            await Task.WhenAll(stdout, stderr).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"`{commandLine}` (in {start.WorkingDirectory}) did not finish within {limit}; it was killed with its child processes.");
        }

        return new ChildProcessResult(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>How a program ended and what it printed on standard output and standard error.</summary>
internal sealed record ChildProcessResult(int ExitCode, string Output, string Error);
