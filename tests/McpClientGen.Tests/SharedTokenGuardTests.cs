using McpClientGen.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace McpClientGen.Tests;

/// <summary>
/// The guard between the engine and its shared token store (<see cref="ResilientSharedTokenStore"/>), on its own: its
/// circuit breaker and outage log, what it does with calls it gives up on, and what it lets out of a store's exception.
/// </summary>
public sealed class SharedTokenGuardTests
{
    private const int StoreUnavailable = 132;
    private const int StoreRecovered = 133;

    private readonly FakeClock _clock = new();
    private readonly FakeLogger _log = new();
    private readonly InterposingSharedTokenStore _store;
    private readonly ResilientSharedTokenStore _guard;

    public SharedTokenGuardTests()
    {
        _store = new InterposingSharedTokenStore(new InMemorySharedTokenStore(_clock));
        _guard = new ResilientSharedTokenStore(_store, McpConnectionOptions.DefaultSharedTokenStoreTimeout, _clock, _log);
    }

    [Fact]
    public async Task A_lease_is_released_even_while_the_store_is_left_alone_after_a_failure()
    {
        var key = NewKey();
        var lease = await _guard.TryAcquireLeaseAsync(key, TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.NotNull(lease);

        // Another call fails while the lease is held: the break begins, and the store is not asked...
        _store.Before = static (operation, _, _) => operation == "get" ? throw new InvalidOperationException("down") : Task.CompletedTask;
        Assert.Null(await _guard.GetAsync(key, CancellationToken.None));
        Assert.Null(await _guard.GetAsync(key, CancellationToken.None));

        // ...except to release the lease, which would otherwise hold the fleet up until it expired. That release answering
        // is no recovery: the store is tried again only after the break.
        await lease.DisposeAsync();
        _store.Before = static (_, _, _) => Task.CompletedTask;
        Assert.NotNull(await _store.TryAcquireLeaseAsync(key, TimeSpan.FromSeconds(10), CancellationToken.None));
        Assert.Equal([StoreUnavailable], _log.Collector.GetSnapshot().Select(record => record.Id.Id));
    }

    [Fact]
    public async Task A_call_the_guard_stops_waiting_for_is_cancelled_so_the_store_stops_working_on_it()
    {
        var handed = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        _store.Before = async (_, _, cancellationToken) =>
        {
            handed.TrySetResult(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        };

        var entry = await _clock.CompleteAsync(_guard.GetAsync(NewKey(), CancellationToken.None).AsTask(), IsCallTimeout);

        Assert.Null(entry);
        Assert.True((await handed.Task.Within()).IsCancellationRequested);
    }

    [Fact]
    public async Task A_lease_that_arrives_after_the_caller_cancelled_is_released()
    {
        var key = NewKey();
        var proceed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _store.Before = (operation, _, _) => operation == "lease" ? proceed.Task : Task.CompletedTask;
        using var caller = new CancellationTokenSource();

        var attempt = _guard.TryAcquireLeaseAsync(key, TimeSpan.FromSeconds(10), caller.Token).AsTask();
        caller.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => attempt.Within());

        // The store grants the lease after all: no one will use it, so it is given back at once, not left to expire.
        proceed.SetResult();
        await _store.LeaseReleased.WaitAsync(Bounded.Limit);
        _store.Before = static (_, _, _) => Task.CompletedTask;
        Assert.NotNull(await _store.TryAcquireLeaseAsync(key, TimeSpan.FromSeconds(10), CancellationToken.None));
    }

    [Fact]
    public async Task An_answer_to_a_call_made_before_the_store_failed_does_not_end_the_outage()
    {
        var slowKey = NewKey();
        var slowAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failing = true;
        _store.Before = (_, key, _) => key == slowKey ? slowAnswer.Task : failing ? throw new InvalidOperationException("down") : Task.CompletedTask;

        // A call is under way when another one fails; its late answer says nothing about the store now.
        var slow = _guard.GetAsync(slowKey, CancellationToken.None).AsTask();
        Assert.Null(await _guard.GetAsync(NewKey(), CancellationToken.None));
        slowAnswer.SetResult();
        await slow.Within();

        // After the break the store fails again: still the same outage.
        _clock.Advance(ResilientSharedTokenStore.BreakDuration);
        Assert.Null(await _guard.GetAsync(NewKey(), CancellationToken.None));

        // It answers a call made after the last failure: that is the recovery.
        _clock.Advance(ResilientSharedTokenStore.BreakDuration);
        failing = false;
        Assert.Null(await _guard.GetAsync(NewKey(), CancellationToken.None));

        Assert.Equal([StoreUnavailable, StoreRecovered], _log.Collector.GetSnapshot().Select(record => record.Id.Id));
    }

    [Fact]
    public async Task A_store_failure_is_logged_by_its_type_never_by_its_message()
    {
        const string Secret = "password=hunter2-not-for-logs";
        _store.Before = static (_, _, _) => throw new InvalidOperationException($"Cannot reach redis.internal:6380,{Secret},ssl=true");

        Assert.Null(await _guard.GetAsync(NewKey(), CancellationToken.None));

        var warning = Assert.Single(_log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(nameof(InvalidOperationException), warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", warning.Message, StringComparison.Ordinal);
        Assert.Null(warning.Exception);
    }

    private static SharedTokenKey NewKey() => new(Guid.NewGuid().ToString("N"));

    private static bool IsCallTimeout(PendingTimer timer) => timer.DueTime == McpConnectionOptions.DefaultSharedTokenStoreTimeout;
}
