using McpClientGen.DemoServer;
using McpClientGen.Fleet;
using McpClientGen.Testing;

namespace McpClientGen.FleetTests;

/// <summary>Assertions over the workers' reports, whose failure messages show every report.</summary>
internal static class FleetAssert
{
    public static void NoFailedCalls(IReadOnlyList<WorkerOutcome> outcomes)
    {
        Assert.True(outcomes.All(outcome => outcome.Report.FailedCalls == 0), $"Some calls failed:\n{Describe(outcomes)}");
        Assert.True(outcomes.All(outcome => outcome.Report.Calls > 0), $"A worker made no call:\n{Describe(outcomes)}");
    }

    public static void TokenRequests(int expected, int issued, IReadOnlyList<WorkerOutcome> outcomes)
    {
        Assert.True(expected == issued, $"The authorization server issued {issued} tokens, not {expected}:\n{Describe(outcomes)}");
        // The workers' own counters agree with the server: no token came from anywhere else.
        Assert.Equal(issued, outcomes.Sum(outcome => outcome.Report.Telemetry.TokenRequests));
    }

    /// <summary>
    /// A running fleet's checks: it shared one token before the test's fault (<paramref name="tokensBefore"/>), no call
    /// failed, and nothing the workers reported or logged shows a secret.
    /// </summary>
    public static void RanFromOneTokenWithoutFailure(int tokensBefore, IReadOnlyList<WorkerOutcome> outcomes, DemoStack stack)
    {
        Assert.True(tokensBefore == 1, $"{tokensBefore} tokens before, where the fleet should share one:\n{Describe(outcomes)}");
        NoFailedCalls(outcomes);
        ShowsNoSecret(outcomes, stack);
    }

    /// <summary>Nothing a worker reported or logged shows the client secret or a token, in any encoding.</summary>
    public static void ShowsNoSecret(IReadOnlyList<WorkerOutcome> outcomes, DemoStack stack)
    {
        var leaks = new SecretForms()
            .AddClientSecret(stack.ClientId, stack.ClientSecret)
            .FindIn(outcomes.Select(outcome => ($"worker {outcome.ProcessId}", Describe([outcome]))));
        Assert.Empty(leaks);
    }

    public static string Describe(IReadOnlyList<WorkerOutcome> outcomes) => string.Join(
        '\n',
        outcomes.Select(outcome =>
            $"  worker {outcome.ProcessId}: {outcome.Report.Calls} calls, {outcome.Report.FailedCalls} failed in {outcome.Report.Elapsed}, " +
            $"{outcome.Report.Telemetry}{string.Concat(outcome.Report.Errors.Select(error => $"\n    {error}"))}" +
            $"{string.Concat(outcome.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => $"\n    log: {line}"))}"));
}
