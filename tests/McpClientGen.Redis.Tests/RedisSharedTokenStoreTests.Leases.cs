using McpClientGen.Redis.Tests.Support;
using McpClientGen.Tests.Support;
using StackExchange.Redis;

namespace McpClientGen.Redis.Tests;

/// <summary>Leases held longer than their time, given back without a token, or lost to another holder; and waiters.</summary>
public sealed partial class RedisSharedTokenStoreTests
{
    private static readonly TimeSpan HeldLeaseTime = TimeSpan.FromSeconds(30);

    private static readonly RedisKey LeaseKey = "mcpgen:lease:" + Key.Id;

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task A_held_lease_is_renewed_every_third_of_its_time_until_it_is_released(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        var clock = new FakeClock();
        await using var holder = bed.NewStore(clock);
        var lease = await holder.TryAcquireLeaseAsync(Key, HeldLeaseTime, CancellationToken.None);
        Assert.NotNull(lease);

        // Most of the lease time has passed (Redis is told so): the renewal due now gives it the whole lease time again.
        var renewal = await clock.WaitForTimerAsync(IsRenewal);
        await bed.Database.KeyExpireAsync(LeaseKey, TimeSpan.FromSeconds(5));
        clock.AdvanceTo(renewal);
        await clock.WaitForTimerAsync(timer => IsRenewal(timer) && timer.Number != renewal.Number);
        Assert.InRange((await bed.Database.KeyTimeToLiveAsync(LeaseKey))!.Value, TimeSpan.FromSeconds(20), HeldLeaseTime);

        // Released: the key is gone and no renewal is left pending.
        await lease.DisposeAsync();
        Assert.False(await bed.Database.KeyExistsAsync(LeaseKey));
        Assert.DoesNotContain(clock.PendingTimers, IsRenewal);
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task A_lease_taken_over_by_another_holder_is_neither_renewed_nor_released_by_the_first(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        var clock = new FakeClock();
        await using var holder = bed.NewStore(clock);
        var lease = Assert.IsType<RedisLease>(await holder.TryAcquireLeaseAsync(Key, HeldLeaseTime, CancellationToken.None));

        // The lease expired meanwhile and another process holds it for an hour.
        var renewal = await clock.WaitForTimerAsync(IsRenewal);
        await bed.Database.StringSetAsync(LeaseKey, "another-holder", TimeSpan.FromHours(1));
        clock.AdvanceTo(renewal);
        await lease.Renewal.WaitAsync(Bounded.Limit);

        Assert.DoesNotContain(clock.PendingTimers, IsRenewal);
        Assert.InRange((await bed.Database.KeyTimeToLiveAsync(LeaseKey))!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        await lease.DisposeAsync();
        Assert.Equal("another-holder", await bed.Database.StringGetAsync(LeaseKey));
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task A_renewal_that_fails_because_redis_is_gone_ends_renewing_without_a_fault(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        var clock = new FakeClock();
        var connection = bed.Connect();
        await using var holder = bed.NewStore(clock, connection);
        var lease = Assert.IsType<RedisLease>(await holder.TryAcquireLeaseAsync(Key, HeldLeaseTime, CancellationToken.None));

        var renewal = await clock.WaitForTimerAsync(IsRenewal);
        await bed.Server.StopAsync();
        await ConnectionState.WaitUntilAsync(connection, connected: false);
        clock.AdvanceTo(renewal);
        await lease.Renewal.WaitAsync(Bounded.Limit);

        Assert.True(lease.Renewal.IsCompletedSuccessfully);
        Assert.DoesNotContain(clock.PendingTimers, IsRenewal);
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task A_waiter_stops_waiting_at_once_when_the_lease_is_released_without_a_token(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);

        // The waiter's clock never moves: no poll and no timeout fires, so only the release notice can end the wait.
        var clock = new FakeClock();
        await using var waiter = bed.NewStore(clock);
        await using var holder = bed.NewStore();
        var lease = await holder.TryAcquireLeaseAsync(Key, HeldLeaseTime, CancellationToken.None);
        Assert.NotNull(lease);

        var wait = waiter.WaitForEntryAsync(Key, seenValueHash: null, TimeSpan.FromSeconds(10), CancellationToken.None).AsTask();
        await clock.WaitForTimerAsync(timer => timer.DueTime == DefaultPollInterval);
        Assert.False(wait.IsCompleted);
        await lease.DisposeAsync();

        Assert.Null(await wait.WaitAsync(Bounded.Limit));
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task A_waiter_without_pub_sub_stops_waiting_at_its_next_poll_once_the_lease_has_expired(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        var clock = new FakeClock();
        var pollInterval = TimeSpan.FromMilliseconds(250);
        await using var waiter = bed.NewStore(clock, bed.Connect(pubSub: false), pollInterval: pollInterval);
        Assert.True(await bed.Database.StringSetAsync(LeaseKey, "dead-holder", TimeSpan.FromHours(1)));

        var wait = waiter.WaitForEntryAsync(Key, seenValueHash: null, TimeSpan.FromSeconds(10), CancellationToken.None).AsTask();
        var poll = await clock.WaitForTimerAsync(timer => timer.DueTime == pollInterval);
        Assert.True(await bed.Database.KeyDeleteAsync(LeaseKey));
        Assert.False(wait.IsCompleted);

        clock.AdvanceTo(poll);
        Assert.Null(await wait.WaitAsync(Bounded.Limit));
        Assert.True(clock.GetUtcNow() < FakeClock.DefaultStart + TimeSpan.FromSeconds(10));
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task A_waiter_whose_subscription_was_refused_leaves_no_handler_behind(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        var clock = new FakeClock();
        var connection = new RecordingConnection(bed.Connect(pubSub: false));
        await using var waiter = bed.NewStore(clock, connection.Redis);
        await using var writer = bed.NewStore();
        await using var lease = await writer.TryAcquireLeaseAsync(Key, HeldLeaseTime, CancellationToken.None);

        var wait = waiter.WaitForEntryAsync(Key, seenValueHash: null, TimeSpan.FromSeconds(10), CancellationToken.None).AsTask();
        var poll = await clock.WaitForTimerAsync(timer => timer.DueTime == DefaultPollInterval);
        await writer.SetAsync(Key, Entry("polled-token"), TimeSpan.FromMinutes(1), CancellationToken.None);
        clock.AdvanceTo(poll);

        Assert.Equal("polled-token", (await wait.WaitAsync(Bounded.Limit))?.Value);
        Assert.Equal(1, connection.Subscribed);
        Assert.Equal(0, connection.StillRegistered);
    }

    private static bool IsRenewal(PendingTimer timer) => timer.DueTime == HeldLeaseTime / 3;
}
