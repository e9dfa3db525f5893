using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using ModelContextProtocol.Client;

namespace McpClientGen.Benchmarks;

/// <summary>
/// Throughput at load (issue 18, item 3), not BenchmarkDotNet (it measures many concurrent calls, not one): a number of
/// callers call <c>get_weather</c> back to back for a fixed time through ONE connection, the generated client
/// (<see cref="McpConnection.CreateOverTransport"/>) or the raw SDK <see cref="McpClient"/>, each over the SDK's stream
/// transport on in-memory pipes to the same in-process server (<see cref="InMemoryMcpServer"/>). Typed and raw rounds
/// alternate (order swapped every round) after one warm-up round each; every call is timed with
/// <see cref="Stopwatch.GetTimestamp"/>. Reports calls/s per round, the means and their ratio, and p50/p99 latency.
/// </summary>
internal static class ThroughputMeasurement
{
    /// <summary>The target: typed calls/s at least the raw SDK's.</summary>
    private const double TargetRatio = 1.00;

    /// <summary>One timed round: what each caller's calls took, the failed calls, and the wall time.</summary>
    private sealed record Round(string Name, string Client, long[] Latencies, int Failed, string? FirstFailure, TimeSpan Elapsed)
    {
        public double CallsPerSecond => Latencies.Length / Elapsed.TotalSeconds;
    }

    /// <summary>How long and with how many callers; from <c>--throughput-seconds N</c>, <c>--throughput-callers N</c> and <c>--throughput-rounds N</c>.</summary>
    public sealed record Options(double Seconds, int Callers, int Rounds)
    {
        public static Options Parse(IReadOnlyList<string> args) => new(
            Value(args, "--throughput-seconds", 10.0),
            (int)Value(args, "--throughput-callers", 64),
            (int)Value(args, "--throughput-rounds", 3));

        private static double Value(IReadOnlyList<string> args, string name, double fallback)
        {
            var index = args.ToList().IndexOf(name);
            if (index < 0)
            {
                return fallback;
            }

            return index + 1 < args.Count && double.TryParse(args[index + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new ArgumentException($"{name} needs a positive number.");
        }
    }

    /// <summary>Runs the rounds; returns the markdown report and the number of failed calls (every round counts, the warm-up too).</summary>
    public static async Task<(string Markdown, int FailedCalls)> RunAsync(Options options)
    {
        var duration = TimeSpan.FromSeconds(options.Seconds);
        // As long as a round: shorter warm-ups left the typed client's first measured round far below its later ones (tiered
        // JIT and dynamic PGO still recompiling the longer typed path on 2 busy cores).
        var warmUp = duration;
        var arguments = new Dictionary<string, object?> { ["city"] = "Oslo" };

        await using var server = new InMemoryMcpServer();
        await using var typed = new DemoClient(McpConnection.CreateOverTransport(new Uri("memory:throughput"), server.Connect));
        await using var raw = await McpClient.CreateAsync(server.Connect());

        var clients = new Dictionary<string, Func<Task>>
        {
            ["typed"] = async () => await typed.GetWeatherAsync("Oslo").ConfigureAwait(false),
            ["raw"] = async () =>
            {
                var result = await raw.CallToolAsync("get_weather", arguments).ConfigureAwait(false);
                if (result.IsError == true)
                {
                    throw new InvalidOperationException("The raw call returned a tool error.");
                }
            },
        };

        var rounds = new List<Round>();
        foreach (var client in clients.Keys)
        {
            rounds.Add(await RunRoundAsync("warm-up", client, clients[client], options.Callers, warmUp));
        }

        for (var round = 1; round <= options.Rounds; round++)
        {
            // Typed first in odd rounds, raw first in even ones, so neither always runs on a machine the other warmed.
            foreach (var client in round % 2 == 1 ? new[] { "typed", "raw" } : ["raw", "typed"])
            {
                var measured = await RunRoundAsync(round.ToString(CultureInfo.InvariantCulture), client, clients[client], options.Callers, duration);
                Console.WriteLine($"// round {measured.Name} {measured.Client}: {measured.CallsPerSecond:F0} calls/s, {measured.Failed} failed");
                rounds.Add(measured);
            }
        }

        return (Report(options, warmUp, rounds), rounds.Sum(round => round.Failed));
    }

    /// <summary>
    /// <paramref name="callers"/> callers each call back to back until <paramref name="duration"/> has passed since the
    /// start (a call in flight then completes and counts); the round ends when the last caller returns.
    /// </summary>
    private static async Task<Round> RunRoundAsync(string name, string client, Func<Task> call, int callers, TimeSpan duration)
    {
        var failed = 0;
        string? firstFailure = null;
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perCaller = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<long>(4096);
            for (var before = Stopwatch.GetTimestamp(); before < end; before = Stopwatch.GetTimestamp())
            {
                try
                {
                    await call().ConfigureAwait(false);
                    latencies.Add(Stopwatch.GetTimestamp() - before);
                }
                catch (Exception exception)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, $"{exception.GetType().Name}: {exception.Message}", null);
                }
            }

            return latencies;
        })));
        var elapsed = Stopwatch.GetElapsedTime(start);
        var all = perCaller.SelectMany(latencies => latencies).ToArray();
        Array.Sort(all);
        return new Round(name, client, all, failed, firstFailure, elapsed);
    }

    private static string Report(Options options, TimeSpan warmUp, List<Round> rounds)
    {
        var measured = rounds.Where(round => round.Name != "warm-up").ToList();
        double Mean(string client) => measured.Where(round => round.Client == client).Average(round => round.CallsPerSecond);
        long[] Merged(string client)
        {
            var merged = measured.Where(round => round.Client == client).SelectMany(round => round.Latencies).ToArray();
            Array.Sort(merged);
            return merged;
        }

        var typedMean = Mean("typed");
        var rawMean = Mean("raw");
        var ratio = typedMean / rawMean;
        var pairRatios = measured.GroupBy(round => round.Name)
            .Select(pair => pair.Single(round => round.Client == "typed").CallsPerSecond / pair.Single(round => round.Client == "raw").CallsPerSecond)
            .ToList();
        var typedLatencies = Merged("typed");
        var rawLatencies = Merged("raw");

        var text = new StringBuilder();
        text.AppendLine("# Throughput at load: typed vs raw, one connection each, in memory")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}. Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription} {RuntimeInformation.ProcessArchitecture}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {BuildConfiguration()} build.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project tests/McpClientGen.Benchmarks -- --throughput --throughput-seconds {options.Seconds} --throughput-callers {options.Callers} --throughput-rounds {options.Rounds}`")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{options.Callers} concurrent callers call `get_weather(\"Oslo\")` back to back for {options.Seconds} s per round through one connection: the generated `DemoClient.GetWeatherAsync` (typed) or the SDK's `McpClient.CallToolAsync(name, dictionary)` (raw), each over the SDK's `StreamClientTransport` on in-memory pipes to the same in-process `McpServer` (`InMemoryMcpServer`). One warm-up round each ({warmUp.TotalSeconds} s, not counted), then {options.Rounds} rounds each, alternating (the order swaps every round). Latency: `Stopwatch` timestamps around each call; percentiles by nearest rank over every call of the measured rounds.")
            .AppendLine()
            .AppendLine("| Round | Client | Calls | Failed | Seconds | Calls/s | p50 (µs) | p99 (µs) |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var round in rounds)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {round.Name} | {round.Client} | {round.Latencies.Length:N0} | {round.Failed} | {round.Elapsed.TotalSeconds:F2} | {round.CallsPerSecond:N0} | {Micros(round.Latencies, 0.50)} | {Micros(round.Latencies, 0.99)} |");
        }

        text.AppendLine()
            .AppendLine("| Client | Mean calls/s | p50 (µs) | p99 (µs) |")
            .AppendLine("|---|---:|---:|---:|")
            .AppendLine(CultureInfo.InvariantCulture, $"| typed | {typedMean:N0} | {Micros(typedLatencies, 0.50)} | {Micros(typedLatencies, 0.99)} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| raw | {rawMean:N0} | {Micros(rawLatencies, 0.50)} | {Micros(rawLatencies, 0.99)} |")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Ratio typed/raw (mean calls/s): **{ratio:F3}** (target ≥ {TargetRatio:F2}: {(ratio >= TargetRatio ? "met" : "missed")}); per round: {string.Join(", ", pairRatios.Select(pair => pair.ToString("F3", CultureInfo.InvariantCulture)))}.");
        var failures = rounds.Where(round => round.Failed > 0).ToList();
        text.AppendLine()
            .AppendLine(failures.Count == 0
                ? "Failed calls: none."
                : $"Failed calls: {string.Join("; ", failures.Select(round => $"round {round.Name} {round.Client}: {round.Failed} (first: {round.FirstFailure})"))}.");
        return text.ToString();
    }

    /// <summary>The latency at <paramref name="quantile"/> (nearest rank) of sorted timestamps differences, in microseconds.</summary>
    private static string Micros(long[] sorted, double quantile) => sorted.Length == 0
        ? "–"
        : (sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1] * 1_000_000.0 / Stopwatch.Frequency).ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Whether this assembly was built with the JIT optimizer on (Release), as a measurement needs.</summary>
    private static string BuildConfiguration() =>
        typeof(ThroughputMeasurement).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true ? "Debug (unoptimized: do not compare)" : "Release";
}
