using System.Diagnostics;
using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests.Support;
using McpClientGen.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit.Abstractions;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// 32 callers share one generated client for 30 seconds against the demo stack, whose tokens live
/// five seconds, so the token is replaced several times under load.
/// </summary>
/// <remarks>
/// <para>
/// "No caller waits on a token request" is measured with counters, not with timing. Every MCP request asks the token
/// provider for a token once (twice with a 401 resend), and the provider's fast path, the one that returns a completed
/// <c>ValueTask</c> without waiting, is exactly the path that adds to <c>mcpclientgen.token.cache_hits</c>. A
/// handler added to the client's HttpClient counts the requests sent. So requests sent minus cache hits is the number of
/// times a caller had to wait for a token: it must be 1 (the session's first request, before any token exists).
/// Likewise token requests minus background refreshes (<c>mcpclientgen.token.refreshes</c>) counts the requests a
/// caller started itself: 1. The server's 401 count must stay 0, as a 401 means a caller waited for a new token.
/// </para>
/// <para>
/// Whether a token request is in flight would not say whether a caller waited on it; the counters say the latter, and
/// they work here, with the generated client, through the public API. They are process-wide, hence the non-parallel
/// <see cref="SoakCollection"/>. Latency percentiles are written to the output for the README.
/// </para>
/// <para>
/// Throughput has a floor, <see cref="MinimumCallsPerSecond"/>, low enough to hold while other test projects run on the
/// same two cores and high enough that a tenfold slowdown of the rate in a full test run fails. With 32 callers each making one call at a time, the
/// mean latency is 32 divided by the throughput, so the floor is also a ceiling on it (0.13 s). Tail latencies are
/// left unasserted: under a full parallel test run they move by more than tenfold on their own.
/// </para>
/// </remarks>
[Collection(SoakCollection.Name)]
public sealed class SoakTests(ITestOutputHelper output)
{
    private const int Callers = 32;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ServerTokenLifetime = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Calls per second observed over 30 s on the 2-core AMD EPYC KVM guest (2026-11-30): 3,909 alone on a quiet
    /// machine; 2,116 inside a full <c>dotnet test McpClientGen.sln</c> (the README's earlier run: 2,118); 1,168 with
    /// three other test projects started beside it; 1,471 and 848 alone, and 394 beside three test projects, while
    /// other builds kept the machine's load average at 10 to 28. The floor is set against the full-suite rate: a
    /// tenfold slowdown of it (212) fails, while the lowest rate seen under load is still 1.6 times the floor. Load
    /// alone moves the rate by as much as tenfold on two cores, so a floor cannot also catch a tenfold slowdown
    /// measured on a quiet machine (391) without failing on a busy one.
    /// </summary>
    private const double MinimumCallsPerSecond = 250;

    [Fact]
    public async Task Thirty_two_callers_for_thirty_seconds_with_five_second_tokens_never_fail_and_never_wait_for_a_token()
    {
        // Not beside the fleet tests of another test process: their workers would starve this test's refreshes.
        using var exclusive = await RealTimeTestLock.AcquireAsync();
        await using var stack = await DemoStack.StartAsync(new DemoStackOptions { AccessTokenLifetime = ServerTokenLifetime });
        using var cacheHits = Collect("mcpclientgen.token.cache_hits");
        using var tokenRequests = Collect("mcpclientgen.token.requests");
        using var refreshes = Collect("mcpclientgen.token.refreshes");
        var sent = new RequestCountingHandler();
        var services = new ServiceCollection();
        services.AddMcpClient<IDemoClient, DemoClient>(options =>
        {
            options.Endpoint = stack.McpEndpoint;
            options.ClientId = stack.ClientId;
            options.ClientSecret = stack.ClientSecret;
            options.AuthorizationServer = stack.Issuer;
        }).AddHttpMessageHandler(() => sent);
        var defaults = new McpConnectionOptions();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IDemoClient>();

        var failures = new List<Exception>();
        var latencies = new List<double>[Callers];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            var mine = latencies[caller] = new List<double>(4096);
            while (clock.Elapsed < Duration)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await client.DivideAsync(caller + 1, 2);
                }
                catch (Exception exception)
                {
                    lock (failures)
                    {
                        failures.Add(exception);
                    }
                }

                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })));
        var elapsed = clock.Elapsed;

        // The engine's rules (AccessToken): the token is sent until the skew (TokenExpirySkew, at most a quarter of the
        // lifetime) before expiry, and replaced in the background from TokenRefreshRatio of that usable window on.
        var lifetime = ServerTokenLifetime;
        var skew = TimeSpan.FromTicks(Math.Min(defaults.TokenExpirySkew.Ticks, lifetime.Ticks / 4));
        var refreshAfter = (lifetime - skew) * defaults.TokenRefreshRatio;
        var expectedTokens = 1 + (int)(elapsed / refreshAfter);

        var calls = latencies.Sum(list => list.Count);
        var callsPerSecond = calls / elapsed.TotalSeconds;
        var summary = new LatencySummary([.. latencies.SelectMany(list => list)]);
        var hits = cacheHits.GetMeasurementSnapshot().EvaluateAsCounter();
        var requested = tokenRequests.GetMeasurementSnapshot().EvaluateAsCounter();
        var refreshed = refreshes.GetMeasurementSnapshot().EvaluateAsCounter();
        output.WriteLine($"duration {elapsed.TotalSeconds:F1} s, {Callers} callers, {calls} calls ({callsPerSecond:F0}/s, floor {MinimumCallsPerSecond}/s), {failures.Count} failed");
        output.WriteLine($"token requests {stack.TokenRequestCount} (engine: {requested}, of which background refreshes {refreshed}); expected {expectedTokens} ± 1 (refresh every {refreshAfter.TotalSeconds:F2} s)");
        output.WriteLine($"MCP requests sent {sent.Count}, token cache hits {hits}, callers that waited for a token {sent.Count - hits}; MCP 401s {stack.Mcp401Count}");
        output.WriteLine($"latency {summary}");
        foreach (var failure in failures.Take(5))
        {
            output.WriteLine(failure.ToString());
        }

        Assert.Empty(failures);
        Assert.Equal(0, stack.Mcp401Count);
        Assert.InRange(stack.TokenRequestCount, expectedTokens - 1, expectedTokens + 1);
        Assert.Equal(1, requested - refreshed);
        Assert.Equal(1, sent.Count - hits);
        Assert.True(callsPerSecond >= MinimumCallsPerSecond, $"{callsPerSecond:F0} calls/s, below the floor of {MinimumCallsPerSecond}/s");
    }

    private static MetricCollector<long> Collect(string instrument) => new(null, McpClientGenTelemetry.Name, instrument);
}
