using System.Diagnostics;
using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests;
using McpClientGen.Tests.Support;

namespace McpClientGen.Tests;

/// <summary>
/// The shared tier's counters and spans, each test counting only its own (<see cref="TelemetryCapture"/>), against the
/// real OpenIddict server. Spans are tagged with what happened, never with a token.
/// </summary>
public sealed class SharedTokenTelemetryTests
{
    private const string Hits = "mcpclientgen.shared_token.hits";
    private const string LeaseWaits = "mcpclientgen.shared_token.lease_waits";
    private const string LeaseTimeouts = "mcpclientgen.shared_token.lease_timeouts";
    private const string StoreFailures = "mcpclientgen.shared_token.store_failures";

    /// <summary>The lease time for the default <c>TokenRequestTimeout</c> (30 s × 2, capped at 10 s).</summary>
    private static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_token_taken_from_the_store_counts_a_hit_and_each_store_call_is_a_span_with_its_outcome()
    {
        await using var stack = await DemoStack.StartAsync();
        using var telemetry = new TelemetryCapture();
        var clock = new FakeClock();
        var store = new InMemorySharedTokenStore(clock);
        using var first = new TokenEngine(stack.ClientOptions(), clock, store);
        using var second = new TokenEngine(stack.ClientOptions(), clock, store);

        var issued = await first.TokenAsync();
        var copy = await second.TokenAsync();
        second.Provider.Invalidate(copy);

        Assert.Equal(issued.Value, copy.Value);
        Assert.Equal(
            ["get=miss", "lease=acquired", "get=miss", "set=stored", "release=released", "get=hit", "remove=done"],
            telemetry.StoreCalls);
        Assert.Equal(1, telemetry.Total(Hits));
        Assert.Equal(0, telemetry.Total(LeaseWaits) + telemetry.Total(LeaseTimeouts) + telemetry.Total(StoreFailures));
        Assert.All(telemetry.Spans, span => Assert.All(span.TagObjects, tag => Assert.DoesNotContain(issued.Value, tag.Value?.ToString() ?? "", StringComparison.Ordinal)));
        Assert.All(StoreSpans(telemetry), span => Assert.Equal(ActivityKind.Client, span.Kind));
    }

    [Fact]
    public async Task Waiting_on_a_lease_holder_that_never_stores_counts_each_wait_and_the_one_timeout()
    {
        await using var stack = await DemoStack.StartAsync();
        var key = (await stack.StoredEntryAsync()).Key;
        using var telemetry = new TelemetryCapture();
        var clock = new FakeClock();
        var store = new InMemorySharedTokenStore(clock);

        // A lease time of 10 s and a wait limit of 20 s (a 5 s request, tried 4 times): two waits, then a request of its own.
        var options = stack.ClientOptions();
        options.TokenRequestTimeout = TimeSpan.FromSeconds(5);
        options.TokenRequestRetries = 3;
        using var engine = new TokenEngine(options, clock, store);
        Assert.NotNull(await store.TryAcquireLeaseAsync(key, TimeSpan.FromHours(1), CancellationToken.None));

        var call = engine.TokenAsync();
        var firstWait = await clock.WaitForTimerAsync(timer => timer.DueTime == LeaseTime);
        clock.AdvanceTo(firstWait);
        clock.AdvanceTo(await clock.WaitForTimerAsync(timer => timer.DueTime == LeaseTime && timer.Number > firstWait.Number));
        await call;

        Assert.Equal(2, telemetry.Total(LeaseWaits));
        Assert.Equal(1, telemetry.Total(LeaseTimeouts));
        Assert.Equal(0, telemetry.Total(Hits));
        Assert.Equal(
            ["get=miss", "lease=held_elsewhere", "wait=nothing_in_time", "lease=held_elsewhere", "wait=nothing_in_time", "lease=held_elsewhere", "set=stored"],
            telemetry.StoreCalls);
    }

    [Fact]
    public async Task A_failing_or_hanging_store_counts_each_failure_by_operation_and_its_spans_show_the_break()
    {
        await using var stack = await DemoStack.StartAsync();
        using var telemetry = new TelemetryCapture();
        var store = new InterposingSharedTokenStore(new InMemorySharedTokenStore())
        {
            Before = static (_, _, _) => throw new InvalidOperationException("redis.internal:6380,password=never-in-a-span"),
        };
        using var engine = new TokenEngine(stack.ClientOptions(), new FakeClock(), store);

        await engine.TokenAsync();
        engine.ExpireTokens();
        store.Before = static (operation, _, cancellationToken) => operation == "get" ? Task.Delay(Timeout.Infinite, cancellationToken) : Task.CompletedTask;
        await engine.Clock.CompleteAsync(engine.TokenAsync(), timer => timer.DueTime == McpConnectionOptions.DefaultSharedTokenStoreTimeout);

        Assert.Equal(2, telemetry.Total(StoreFailures));
        Assert.All(telemetry.TagsOf(StoreFailures), tags => Assert.Equal("get", tags["operation"]));
        Assert.Equal(
            ["get=failed", "lease=circuit_open", "get=circuit_open", "set=circuit_open", "get=timeout", "lease=circuit_open", "get=circuit_open", "set=circuit_open"],
            telemetry.StoreCalls);
        var failed = StoreSpans(telemetry).Where(span => span.Status == ActivityStatusCode.Error).ToList();
        Assert.Equal([nameof(InvalidOperationException), nameof(TimeoutException)], failed.Select(span => span.StatusDescription));
    }

    private static IEnumerable<Activity> StoreSpans(TelemetryCapture telemetry) =>
        telemetry.Spans.Where(span => span.OperationName.StartsWith("mcpclientgen.shared_token.", StringComparison.Ordinal));
}
