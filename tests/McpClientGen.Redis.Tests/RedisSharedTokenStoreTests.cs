using McpClientGen.Redis.Tests.Support;
using McpClientGen.Tests.Support;
using StackExchange.Redis;

namespace McpClientGen.Redis.Tests;

/// <summary>
/// <see cref="RedisSharedTokenStore"/> against real servers: in-process Garnet always, and <c>redis-server</c> when it
/// is on PATH (<see cref="RedisServerKinds.Available"/>). Each store has a connection of its own, as each process of a
/// fleet has. This part: the store's own contract; the other parts: engines sharing it, faults, registration.
/// </summary>
public sealed partial class RedisSharedTokenStoreTests
{
    private static readonly SharedTokenKey Key = new("key-of-a-client");

    /// <summary>The waiters' poll interval, unless a test sets another: the timer a waiter starts between reads.</summary>
    private static readonly TimeSpan DefaultPollInterval = new RedisSharedTokenStoreOptions().PollInterval;

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task An_entry_stored_by_one_process_is_read_whole_by_another_and_expires_with_its_time_to_live(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        await using var writer = bed.NewStore();
        await using var reader = bed.NewStore();
        var entry = Entry("token-one", certificate: "thumbprint");

        await writer.SetAsync(Key, entry, TimeSpan.FromSeconds(90), CancellationToken.None);
        var read = await reader.GetAsync(Key, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(
            (entry.Value, entry.Authority, entry.IssuedAt, entry.ExpiresAt, entry.RequestedScopes, entry.CertificateThumbprint),
            (read.Value, read.Authority, read.IssuedAt, read.ExpiresAt, read.RequestedScopes, read.CertificateThumbprint));
        var ttl = await bed.Database.KeyTimeToLiveAsync("mcpgen:tok:" + Key.Id);
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(80), TimeSpan.FromSeconds(90));
        Assert.Null(await reader.GetAsync(new SharedTokenKey("another-key"), CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task Of_many_concurrent_lease_attempts_from_two_processes_exactly_one_wins(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        await using var first = bed.NewStore();
        await using var second = bed.NewStore();

        var attempts = Enumerable.Range(0, 100)
            .Select(i => Task.Run(async () => await (i % 2 == 0 ? first : second).TryAcquireLeaseAsync(Key, TimeSpan.FromMinutes(1), CancellationToken.None)));
        var leases = await Task.WhenAll(attempts).WaitAsync(Bounded.Limit);

        var winner = Assert.Single(leases, lease => lease is not null);
        var ttl = await bed.Database.KeyTimeToLiveAsync("mcpgen:lease:" + Key.Id);
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));

        // Released, the lease is free again.
        await winner!.DisposeAsync();
        await using var next = await second.TryAcquireLeaseAsync(Key, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.NotNull(next);
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task Releasing_a_lease_that_expired_and_was_taken_again_leaves_the_new_holders_lease_alone(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        await using var first = bed.NewStore();
        await using var second = bed.NewStore();
        var leaseKey = (RedisKey)("mcpgen:lease:" + Key.Id);
        var stale = await first.TryAcquireLeaseAsync(Key, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.NotNull(stale);

        // The lease expires (Redis removes the key, as here) and the second process takes it.
        Assert.True(await bed.Database.KeyDeleteAsync(leaseKey));
        var current = await second.TryAcquireLeaseAsync(Key, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.NotNull(current);
        var holder = await bed.Database.StringGetAsync(leaseKey);

        await stale.DisposeAsync();
        Assert.Equal(holder, await bed.Database.StringGetAsync(leaseKey));
        Assert.Null(await first.TryAcquireLeaseAsync(Key, TimeSpan.FromMinutes(1), CancellationToken.None));

        await current.DisposeAsync();
        Assert.False(await bed.Database.KeyExistsAsync(leaseKey));
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task Removing_a_rejected_token_removes_only_that_token(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        await using var store = bed.NewStore();
        var rejected = Entry("rejected-token");
        var newer = Entry("newer-token");
        await store.SetAsync(Key, newer, TimeSpan.FromMinutes(1), CancellationToken.None);

        await store.RemoveIfAsync(Key, rejected.ValueHash, CancellationToken.None);
        Assert.Equal(newer.Value, (await store.GetAsync(Key, CancellationToken.None))?.Value);

        await store.RemoveIfAsync(Key, newer.ValueHash, CancellationToken.None);
        Assert.Null(await store.GetAsync(Key, CancellationToken.None));
        Assert.False(await bed.Database.KeyExistsAsync("mcpgen:tok:" + Key.Id));
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task A_waiter_is_woken_by_the_notification_of_a_token_stored_by_another_process(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);

        // The waiter's clock never moves: no poll and no timeout fires, so only the notification can wake it.
        var clock = new FakeClock();
        await using var waiter = bed.NewStore(clock);
        await using var writer = bed.NewStore();
        var seen = Entry("seen-token");
        await writer.SetAsync(Key, seen, TimeSpan.FromMinutes(1), CancellationToken.None);
        await using var lease = await writer.TryAcquireLeaseAsync(Key, TimeSpan.FromMinutes(1), CancellationToken.None);

        var wait = waiter.WaitForEntryAsync(Key, seen.ValueHash, TimeSpan.FromSeconds(10), CancellationToken.None).AsTask();
        // Its first poll timer starts once it has subscribed and read: only then is the new token stored.
        await clock.WaitForTimerAsync(timer => timer.DueTime == DefaultPollInterval);
        Assert.False(wait.IsCompleted);
        Assert.Equal(1, await SubscriberCountAsync(bed, Key));
        var stored = Entry("new-token");
        await writer.SetAsync(Key, stored, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal(stored.Value, (await wait.WaitAsync(Bounded.Limit))?.Value);
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task A_waiter_without_pub_sub_finds_the_stored_token_at_its_next_poll(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        var clock = new FakeClock();
        var pollInterval = TimeSpan.FromMilliseconds(250);
        await using var waiter = bed.NewStore(clock, bed.Connect(pubSub: false), pollInterval: pollInterval);
        await using var writer = bed.NewStore();
        await using var lease = await writer.TryAcquireLeaseAsync(Key, TimeSpan.FromMinutes(1), CancellationToken.None);

        var wait = waiter.WaitForEntryAsync(Key, seenValueHash: null, TimeSpan.FromSeconds(10), CancellationToken.None).AsTask();
        var poll = await clock.WaitForTimerAsync(timer => timer.DueTime == pollInterval);
        var stored = Entry("polled-token");
        await writer.SetAsync(Key, stored, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.False(wait.IsCompleted);

        clock.AdvanceTo(poll);
        Assert.Equal(stored.Value, (await wait.WaitAsync(Bounded.Limit))?.Value);
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task A_waiter_that_gets_no_new_token_answers_null_when_its_time_is_up(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        var clock = new FakeClock();
        var timeout = TimeSpan.FromSeconds(10);
        await using var waiter = bed.NewStore(clock);
        var seen = Entry("seen-token");
        await waiter.SetAsync(Key, seen, TimeSpan.FromMinutes(1), CancellationToken.None);
        await using var holder = bed.NewStore();
        await using var lease = await holder.TryAcquireLeaseAsync(Key, TimeSpan.FromMinutes(1), CancellationToken.None);

        // The token already seen does not count, and the lease is still held: the waiter polls, finds only the seen
        // token, and gives up at its deadline.
        var wait = waiter.WaitForEntryAsync(Key, seen.ValueHash, timeout, CancellationToken.None).AsTask();
        var deadline = await clock.WaitForTimerAsync(timer => timer.DueTime == timeout);
        clock.AdvanceTo(deadline);

        Assert.Null(await wait.WaitAsync(Bounded.Limit));
        Assert.Equal(0, await SubscriberCountAsync(bed, Key));
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task A_malformed_value_is_removed_and_reported_without_its_content(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        var entryKey = (RedisKey)("mcpgen:tok:" + Key.Id);

        // Not written by the store at all.
        await using var store = bed.NewStore();
        await bed.Database.StringSetAsync(entryKey, "garbage-with-a-secret-in-it");
        var garbage = await Assert.ThrowsAsync<InvalidDataException>(async () => await store.GetAsync(Key, CancellationToken.None));
        Assert.DoesNotContain("garbage", garbage.Message, StringComparison.Ordinal);
        Assert.False(await bed.Database.KeyExistsAsync(entryKey));

        // In the store's form and decrypted with the fleet's keys, but no entry inside.
        var protector = bed.Keys.NewProvider().CreateProtector(ProtectedEntryCodec.Purpose);
        byte[] notAnEntry = [.. ProtectedEntryCodec.PrefixOf("digest"), .. protector.Protect("not-json-but-a-secret"u8.ToArray())];
        await bed.Database.StringSetAsync(entryKey, notAnEntry);
        var notJson = await Assert.ThrowsAsync<InvalidDataException>(async () => await store.WaitForEntryAsync(Key, null, TimeSpan.FromSeconds(10), CancellationToken.None));
        Assert.DoesNotContain("secret", notJson.Message, StringComparison.Ordinal);
        Assert.False(await bed.Database.KeyExistsAsync(entryKey));

        // A good entry copied under another client's key is refused and removed: it names the key it was written for.
        await store.SetAsync(Key, Entry("token-of-this-key"), TimeSpan.FromMinutes(1), CancellationToken.None);
        var otherKey = (RedisKey)("mcpgen:tok:" + new SharedTokenKey("key-of-another-client").Id);
        await bed.Database.StringSetAsync(otherKey, await bed.Database.StringGetAsync(entryKey));
        await Assert.ThrowsAsync<InvalidDataException>(async () => await store.GetAsync(new SharedTokenKey("key-of-another-client"), CancellationToken.None));
        Assert.False(await bed.Database.KeyExistsAsync(otherKey));
        Assert.Equal("token-of-this-key", (await store.GetAsync(Key, CancellationToken.None))?.Value);
    }

    private static SharedTokenEntry Entry(string value, string? certificate = null) =>
        new(value, "https://issuer.example", FakeClock.DefaultStart, FakeClock.DefaultStart.AddHours(1), "demo.read demo.write", certificate);

    /// <summary>How many connections listen for the key's notifications.</summary>
    private static async Task<long> SubscriberCountAsync(RedisTestBed bed, SharedTokenKey key)
    {
        var reply = (RedisResult[])(await bed.Database.ExecuteAsync("PUBSUB", "NUMSUB", "mcpgen:ready:" + key.Id))!;
        return (long)reply[1];
    }
}
