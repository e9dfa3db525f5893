using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests;

namespace McpClientGen.Benchmarks;

/// <summary>
/// (e) 1,000 concurrent callers at a cold cache and at expiry must cause exactly one token request each time
/// (counted by the DemoStack's authorization server). A custom measurement, not a BenchmarkDotNet job: a stampede
/// happens once per cache state, so it is repeated a few rounds and every caller's latency (from the moment all are
/// released to its answer) is reported as percentiles next to one token round trip of a single caller.
/// </summary>
internal static class StampedeMeasurement
{
    private const int Callers = 1000;
    private const int Rounds = 5;
    private const int ReferenceSamples = 20;
    private static readonly TimeSpan PastExpiry = TimeSpan.FromHours(2);

    /// <summary>The report, and the waves that missed the target (more than one token request, or a failed caller).</summary>
    public static async Task<(string Markdown, IReadOnlyList<string> Failures)> RunAsync()
    {
        await using var stack = await DemoStack.StartAsync();
        var rows = new List<string>();
        var failures = new List<string>();

        // References: one caller alone, cold (discovery + token request) and at expiry (the token request only).
        var coldSingle = new List<double>();
        for (var i = 0; i < ReferenceSamples; i++)
        {
            using var engine = new Engine(stack);
            var start = Stopwatch.GetTimestamp();
            await engine.Provider.GetTokenAsync(CancellationToken.None);
            coldSingle.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        var expirySingle = new List<double>();
        using (var engine = new Engine(stack))
        {
            await engine.Provider.GetTokenAsync(CancellationToken.None);
            for (var i = 0; i < ReferenceSamples; i++)
            {
                engine.Clock.Shift(PastExpiry);
                var start = Stopwatch.GetTimestamp();
                await engine.Provider.GetTokenAsync(CancellationToken.None);
                expirySingle.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        var coldReference = Median(coldSingle);
        var expiryReference = Median(expirySingle);

        // Token provider alone: 1,000 callers of GetTokenAsync.
        for (var round = 1; round <= Rounds; round++)
        {
            using var engine = new Engine(stack);
            var cold = await StampedeAsync(stack, () => engine.Provider.GetTokenAsync(CancellationToken.None).AsTask());
            rows.Add(Row($"provider, cold cache, round {round}", cold, coldReference, failures));
            engine.Clock.Shift(PastExpiry);
            var expiry = await StampedeAsync(stack, () => engine.Provider.GetTokenAsync(CancellationToken.None).AsTask());
            rows.Add(Row($"provider, at expiry, round {round}", expiry, expiryReference, failures));
        }

        // End to end: 1,000 concurrent typed calls on one new authenticated client (the first also opens the session).
        for (var round = 1; round <= Rounds; round++)
        {
            var clock = new ShiftableClock();
            await using var client = DemoClient.Create(stack.ClientOptions(), clock);
            var cold = await StampedeAsync(stack, () => client.GetWeatherAsync("Oslo"));
            rows.Add(Row($"typed calls, cold cache, round {round}", cold, coldReference, failures));
            clock.Shift(PastExpiry);
            var expiry = await StampedeAsync(stack, () => client.GetWeatherAsync("Oslo"));
            rows.Add(Row($"typed calls, at expiry, round {round}", expiry, expiryReference, failures));
        }

        var markdown = new StringBuilder();
        markdown.AppendLine("# Token stampede: 1,000 concurrent callers (benchmark e)");
        markdown.AppendLine();
        markdown.AppendLine(CultureInfo.InvariantCulture, $"Date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}; {Environment.ProcessorCount} logical cores; {RuntimeInformation.FrameworkDescription}; {RuntimeInformation.OSDescription}.");
        markdown.AppendLine();
        markdown.AppendLine("Each row: a new token provider (or a new authenticated `DemoClient`) against one DemoStack; 1,000 callers");
        markdown.AppendLine("are started, wait on one gate, and are released together. \"Token requests\" is the change of");
        markdown.AppendLine("`DemoStack.TokenRequestCount` over the wave (target: exactly 1). Latency is from the release to the caller's");
        markdown.AppendLine("answer. \"At expiry\" moves the client's clock 2 h on (past the 1-hour token's expiry), so every caller finds");
        markdown.AppendLine("the cached token unusable at once.");
        markdown.AppendLine();
        markdown.AppendLine(CultureInfo.InvariantCulture, $"One token round trip, single caller, median of {ReferenceSamples}: cold (discovery + token request) **{coldReference:F2} ms**, at expiry (token request only) **{expiryReference:F2} ms**.");
        markdown.AppendLine();
        markdown.AppendLine("| Scenario | Callers | Token requests | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | p50 / round trip | p99 / round trip |");
        markdown.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            markdown.AppendLine(row);
        }

        markdown.AppendLine();
        markdown.AppendLine(failures.Count == 0
            ? "Every wave caused exactly one token request."
            : $"**Target missed**: {string.Join("; ", failures)}.");
        return (markdown.ToString(), failures);
    }

    private static async Task<(double[] Latencies, int TokenRequests, int Failed)> StampedeAsync(DemoStack stack, Func<Task> call)
    {
        var before = stack.TokenRequestCount;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ready = new CountdownEvent(Callers);
        var latencies = new double[Callers];
        var failed = 0;
        long released = 0;
        var tasks = new Task[Callers];
        for (var i = 0; i < Callers; i++)
        {
            var index = i;
            tasks[i] = Task.Run(async () =>
            {
                ready.Signal();
                await gate.Task;
                try
                {
                    await call();
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failed);
                }

                latencies[index] = Stopwatch.GetElapsedTime(Volatile.Read(ref released)).TotalMilliseconds;
            });
        }

        ready.Wait();
        Volatile.Write(ref released, Stopwatch.GetTimestamp());
        gate.SetResult();
        await Task.WhenAll(tasks);
        // A request still being counted would show up here.
        await Task.Delay(100);
        return (latencies, stack.TokenRequestCount - before, failed);
    }

    private static string Row(string scenario, (double[] Latencies, int TokenRequests, int Failed) wave, double reference, List<string> failures)
    {
        var sorted = wave.Latencies.Order().ToArray();
        if (wave.TokenRequests != 1)
        {
            failures.Add($"{scenario}: {wave.TokenRequests} token requests");
        }

        if (wave.Failed > 0)
        {
            failures.Add($"{scenario}: {wave.Failed} failed callers");
        }

        var p50 = Percentile(sorted, 0.50);
        var p99 = Percentile(sorted, 0.99);
        var failedNote = wave.Failed > 0 ? $" ({wave.Failed} failed)" : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"| {scenario} | {Callers}{failedNote} | {wave.TokenRequests} | {p50:F2} | {Percentile(sorted, 0.90):F2} | {p99:F2} | {sorted[^1]:F2} | {p50 / reference:F1}× | {p99 / reference:F1}× |");
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Median(List<double> values) => Percentile([.. values.Order()], 0.5);

    /// <summary>The token engine as <see cref="McpConnection.Create"/> builds it, on a clock this measurement moves.</summary>
    private sealed class Engine : IDisposable
    {
        private readonly ClientCredentialsEngine _engine;

        public Engine(DemoStack stack)
        {
            _engine = ClientCredentialsEngine.Create(stack.ClientOptions(), Clock, loggerFactory: null);
        }

        public ShiftableClock Clock { get; } = new();

        public ClientCredentialsTokenProvider Provider => _engine.Provider;

        public void Dispose() => _engine.Dispose();
    }
}
