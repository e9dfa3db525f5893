using System.Diagnostics;
using McpClientGen.Testing;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// A program that outlives its time limit is killed with everything it started: the conformance suite's <c>node</c>
/// starts the client, and neither may keep running after the test gave up on them.
/// </summary>
public sealed class ChildProcessTests
{
    [Fact]
    public async Task A_program_past_its_time_limit_is_killed_with_its_child_processes()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"mcpgen-{Guid.NewGuid():N}.pid");
        var start = new ProcessStartInfo("sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"sleep 600 & echo $! > '{pidFile}'; wait");
        try
        {
            var error = await Assert.ThrowsAsync<TimeoutException>(() => ChildProcess.RunAsync(start, TimeSpan.FromSeconds(2)));

            Assert.Contains("killed with its child processes", error.Message, StringComparison.Ordinal);
            Assert.True(File.Exists(pidFile), "The shell did not start its child within the time limit.");
            var grandchild = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(IsKilled(grandchild), $"The shell's child {grandchild} was not killed.");
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    /// <summary>
    /// Whether the process is gone, a zombie (a killed orphan waits there until something reaps it), or has SIGKILL
    /// pending: a kill is delivered when the process next runs, which on a busy machine may be just after this check.
    /// </summary>
    private static bool IsKilled(int pid)
    {
        const ulong sigkill = 1UL << (9 - 1);
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return true;
        }

        var fields = File.ReadAllLines(status)
            .Select(line => line.Split(':', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1].Trim(), StringComparer.Ordinal);
        return fields["State"].StartsWith('Z') || fields["State"].StartsWith('X')
            || (ulong.Parse(fields["SigPnd"], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & sigkill) != 0
            || (ulong.Parse(fields["ShdPnd"], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & sigkill) != 0;
    }
}
