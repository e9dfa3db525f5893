using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests;
using McpClientGen.Tests.Support;

namespace McpClientGen.Tests;

/// <summary>
/// The engine with a fleet's shared token store, against the real OpenIddict server. Each engine stands for one
/// process; engines given the same <see cref="InMemorySharedTokenStore"/> share it as processes share Redis. Token
/// requests are counted by the server.
/// </summary>
public sealed class SharedTokenStoreTests
{
    /// <summary>A lease held by no one who will store: <c>TokenRequestTimeout</c> (30 s) × 2, capped at 10 s.</summary>
    private static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Two_processes_sharing_a_store_make_one_token_request_for_many_concurrent_first_callers()
    {
        await using var stack = await DemoStack.StartAsync();
        var store = new InMemorySharedTokenStore();
        using var first = ClientCredentialsEngine.Create(Sharing(stack.ClientOptions(), store), timeProvider: null, loggerFactory: null);
        using var second = ClientCredentialsEngine.Create(Sharing(stack.ClientOptions(), store), timeProvider: null, loggerFactory: null);

        var callers = Enumerable.Range(0, 200).Select(i => Task.Run(() => Token((i % 2 == 0 ? first : second).Provider)));
        var tokens = await Task.WhenAll(callers).Within();

        Assert.Single(tokens.Select(token => token.Value).Distinct());
        Assert.Equal(1, stack.TokenRequestCount);
        Assert.Equal(1, store.LeasesGranted);
        Assert.Single(store.Writes);
    }

    [Fact]
    public async Task A_lease_holder_that_never_stores_holds_the_others_up_only_for_the_lease_time()
    {
        await using var stack = await DemoStack.StartAsync();
        var key = (await stack.StoredEntryAsync()).Key;
        var clock = new FakeClock();
        var store = new InMemorySharedTokenStore(clock);

        // A process took the lease and died: it never stores and never releases, and its lease expires.
        Assert.NotNull(await store.TryAcquireLeaseAsync(key, LeaseTime, CancellationToken.None));
        using var engine = new TokenEngine(stack.ClientOptions(), clock, store);
        var requestsBefore = stack.TokenRequestCount;

        var call = engine.TokenAsync();
        var wait = await clock.WaitForTimerAsync(timer => timer.DueTime == LeaseTime);
        Assert.False(call.IsCompleted);
        Assert.Equal(requestsBefore, stack.TokenRequestCount);

        clock.AdvanceTo(wait);
        var token = await call;

        // The waiter took the expired lease over and stored the token it requested for the others.
        Assert.Equal(requestsBefore + 1, stack.TokenRequestCount);
        Assert.Equal(2, store.LeasesGranted);
        Assert.Equal(token.Value, store.Peek(key)?.Value);
    }

    [Fact]
    public async Task A_holder_that_keeps_its_lease_is_waited_for_as_long_as_a_token_request_may_take_then_the_waiter_requests_its_own()
    {
        await using var stack = await DemoStack.StartAsync();
        var key = (await stack.StoredEntryAsync()).Key;
        var clock = new FakeClock();
        var store = new InMemorySharedTokenStore(clock);
        Assert.NotNull(await store.TryAcquireLeaseAsync(key, TimeSpan.FromHours(1), CancellationToken.None));

        // A 5 s token request tried 4 times may take 20 s: the waiter waits that long (two waits of the 10 s lease time)
        // for a holder that keeps its lease, never unboundedly, then requests its own token.
        var options = stack.ClientOptions();
        options.TokenRequestTimeout = TimeSpan.FromSeconds(5);
        options.TokenRequestRetries = 3;
        using var engine = new TokenEngine(options, clock, store);
        var requestsBefore = stack.TokenRequestCount;
        var start = clock.GetUtcNow();

        var call = engine.TokenAsync();
        var first = await clock.WaitForTimerAsync(timer => timer.DueTime == LeaseTime);
        clock.AdvanceTo(first);
        var second = await clock.WaitForTimerAsync(timer => timer.DueTime == LeaseTime && timer.Number > first.Number);
        Assert.False(call.IsCompleted);
        Assert.Equal(requestsBefore, stack.TokenRequestCount);
        clock.AdvanceTo(second);
        var token = await call;

        Assert.Equal(TimeSpan.FromSeconds(20), clock.GetUtcNow() - start);
        Assert.Equal(requestsBefore + 1, stack.TokenRequestCount);
        Assert.Equal(token.Value, store.Peek(key)?.Value);
    }

    [Fact]
    public async Task A_rejected_token_is_removed_from_the_store_at_once_and_a_newer_one_is_left_alone()
    {
        await using var stack = await DemoStack.StartAsync();
        var store = new InMemorySharedTokenStore();
        using var first = new TokenEngine(stack.ClientOptions(), new FakeClock(), store);
        using var second = new TokenEngine(stack.ClientOptions(), new FakeClock(), store);
        var issued = await first.TokenAsync();
        var key = Assert.Single(store.Writes).Key;

        // The first process already replaced the token when the second sees its copy rejected: the newer one stays.
        var stale = await second.TokenAsync();
        var replacement = new SharedTokenEntry("newer-token", issued.Authority, issued.IssuedAt, issued.ExpiresAt, issued.RequestedScopes, null);
        await store.SetAsync(key, replacement, TimeSpan.FromMinutes(1), CancellationToken.None);
        second.Provider.Invalidate(stale);
        Assert.Equal("newer-token", store.Peek(key)?.Value);

        // The second process takes the newer token from the store; rejected in turn while still stored, it is removed
        // before any process can take it again.
        var current = await second.TokenAsync();
        Assert.Equal(current.Value, store.Peek(key)?.Value);
        second.Provider.Invalidate(current);
        Assert.Null(store.Peek(key));
    }

    [Fact]
    public async Task A_process_due_for_refresh_takes_the_token_another_process_refreshed_without_a_request()
    {
        await using var stack = await DemoStack.StartAsync();
        var clock = new FakeClock();
        var store = new InMemorySharedTokenStore(clock);
        using var first = new TokenEngine(stack.ClientOptions(), clock, store);
        using var second = new TokenEngine(stack.ClientOptions(), clock, store);
        var issued = await first.TokenAsync();
        Assert.Equal(issued.Value, (await store.NextWriteAsync()).Value);
        var copy = await second.TokenAsync();
        Assert.Equal(issued.Value, copy.Value);

        // Both processes are due for refresh. The first refreshes: it goes on sending its token meanwhile, and stores the
        // replacement it requested.
        clock.SetUtcNow(issued.RefreshAt);
        Assert.Same(issued, await first.TokenAsync());
        var refreshed = await store.NextWriteAsync();
        Assert.Equal(2, stack.TokenRequestCount);

        // The second refreshes in turn, and its refresh finds the first one's token in the store: it takes that one.
        Assert.Same(copy, await second.TokenAsync());
        clock.SetUtcNow(copy.UsableUntil);
        Assert.Equal(refreshed.Value, (await second.TokenAsync()).Value);
        Assert.Equal(2, stack.TokenRequestCount);
        Assert.Single(store.Writes, write => write.Entry.Value == refreshed.Value);
    }

    [Fact]
    public async Task A_token_rejected_after_the_process_moved_on_is_still_removed_from_the_store()
    {
        await using var stack = await DemoStack.StartAsync();
        var clock = new FakeClock();
        var behind = new InMemorySharedTokenStore(clock);
        var store = new InterposingSharedTokenStore(behind);
        using var engine = new TokenEngine(stack.ClientOptions(), clock, store);
        var first = await engine.TokenAsync();
        var key = Assert.Single(behind.Writes).Key;

        // The refresh's token is not stored (the store fails that write), so the store keeps the first token. The clock
        // moves on only once the refresh's token request is over, as moving it earlier would time the request out.
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Before = (operation, _, _) =>
        {
            if (operation != "set")
            {
                return Task.CompletedTask;
            }

            written.TrySetResult();
            throw new InvalidOperationException("write failed");
        };
        clock.SetUtcNow(first.RefreshAt);
        await engine.TokenAsync();
        await written.Task.WaitAsync(Bounded.Limit);
        clock.SetUtcNow(first.UsableUntil);
        var replacement = await engine.TokenAsync();
        Assert.NotEqual(first.Value, replacement.Value);

        // The store still holds the first token: here its entry has just lapsed, but one stored by a process with a
        // smaller expiry skew lasts longer.
        var firstEntry = Assert.Single(behind.Writes).Entry;
        await behind.SetAsync(key, firstEntry, TimeSpan.FromMinutes(1), CancellationToken.None);

        // A request sent with the first token before the refresh comes back 401: the store must not go on handing the
        // rejected token to other processes, although this one no longer uses it.
        // The failed write opened the guard's break, timed by when the guard saw the failure, which may be after the clock
        // moved on above: past another break's length, the store is asked again whichever it was.
        store.Before = static (_, _, _) => Task.CompletedTask;
        clock.Advance(ResilientSharedTokenStore.BreakDuration);
        engine.Provider.Invalidate(first);

        Assert.Null(behind.Peek(key));
        Assert.Same(replacement, await engine.TokenAsync());
    }

    [Theory]
    [InlineData("a token\r\nX-Injected: yes")]
    [InlineData("")]
    public async Task A_stored_entry_that_cannot_be_sent_as_a_token_is_taken_for_none(string garbage)
    {
        await using var stack = await DemoStack.StartAsync();
        var (key, genuine) = await stack.StoredEntryAsync();
        var store = new InMemorySharedTokenStore();
        var entry = new SharedTokenEntry(garbage, genuine.Authority, genuine.IssuedAt, genuine.ExpiresAt, genuine.RequestedScopes, null);
        await store.SetAsync(key, entry, TimeSpan.FromDays(1), CancellationToken.None);
        using var engine = new TokenEngine(stack.ClientOptions(), new FakeClock(), store);
        var requestsBefore = stack.TokenRequestCount;

        var token = await engine.TokenAsync();

        Assert.NotEqual(garbage, token.Value);
        Assert.Equal(requestsBefore + 1, stack.TokenRequestCount);
        Assert.Equal(token.Value, store.Peek(key)?.Value);
    }

    [Theory]
    [InlineData(FaultyStore.Fault.Throws)]
    [InlineData(FaultyStore.Fault.Hangs)]
    public async Task A_store_that_fails_never_fails_a_call_and_is_left_alone_until_the_break_is_over(FaultyStore.Fault fault)
    {
        await using var stack = await DemoStack.StartAsync();
        var store = new FaultyStore(fault);
        using var engine = new TokenEngine(stack.ClientOptions(), new FakeClock(), store);

        var token = await engine.Clock.CompleteAsync(engine.TokenAsync(), timer => timer.DueTime == McpConnectionOptions.DefaultSharedTokenStoreTimeout);

        Assert.NotEmpty(token.Value);
        Assert.Equal(1, stack.TokenRequestCount);
        Assert.Equal(1, store.Calls);

        // A day later the break is long over: the store is asked again, and still fails no call.
        engine.ExpireTokens();
        await engine.Clock.CompleteAsync(engine.TokenAsync(), timer => timer.DueTime == McpConnectionOptions.DefaultSharedTokenStoreTimeout);
        Assert.Equal(2, stack.TokenRequestCount);
        Assert.Equal(2, store.Calls);
    }

    [Fact]
    public async Task A_slow_store_is_waited_for_as_long_as_SharedTokenStoreTimeout_says()
    {
        await using var stack = await DemoStack.StartAsync();
        var store = new FaultyStore(FaultyStore.Fault.Hangs);
        var options = stack.ClientOptions();
        options.SharedTokenStoreTimeout = TimeSpan.FromSeconds(2);
        using var engine = new TokenEngine(options, new FakeClock(), store);

        var call = engine.TokenAsync();
        var limit = await engine.Clock.WaitForTimerAsync(timer => timer.DueTime == options.SharedTokenStoreTimeout);
        engine.Clock.Advance(options.SharedTokenStoreTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted);
        Assert.Equal(0, stack.TokenRequestCount);

        engine.Clock.AdvanceTo(limit);
        Assert.NotEmpty((await call).Value);
        Assert.Equal(1, stack.TokenRequestCount);
    }

    /// <summary>A store whose every call throws, or never answers; it counts the calls that reach it.</summary>
    public sealed class FaultyStore(FaultyStore.Fault fault) : IMcpSharedTokenStore
    {
        private int _calls;

        /// <summary>How the store fails.</summary>
        public enum Fault
        {
            Throws,
            Hangs,
        }

        public int Calls => Volatile.Read(ref _calls);

        public ValueTask<SharedTokenEntry?> GetAsync(SharedTokenKey key, CancellationToken cancellationToken) => Fail<SharedTokenEntry?>();

        public async ValueTask SetAsync(SharedTokenKey key, SharedTokenEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken) => await Fail<bool>();

        public ValueTask<IAsyncDisposable?> TryAcquireLeaseAsync(SharedTokenKey key, TimeSpan leaseTime, CancellationToken cancellationToken) => Fail<IAsyncDisposable?>();

        public ValueTask<SharedTokenEntry?> WaitForEntryAsync(SharedTokenKey key, string? seenValueHash, TimeSpan timeout, CancellationToken cancellationToken) =>
            Fail<SharedTokenEntry?>();

        public async ValueTask RemoveIfAsync(SharedTokenKey key, string valueHash, CancellationToken cancellationToken) => await Fail<bool>();

        private ValueTask<T> Fail<T>()
        {
            Interlocked.Increment(ref _calls);
            return fault == Fault.Throws
                ? throw new InvalidOperationException("The store is down.")
                : new ValueTask<T>(new TaskCompletionSource<T>().Task);
        }
    }

    private static async Task<AccessToken> Token(ClientCredentialsTokenProvider provider) =>
        await provider.GetTokenAsync(CancellationToken.None) ?? throw new InvalidOperationException("no token");

    private static McpConnectionOptions Sharing(McpConnectionOptions options, IMcpSharedTokenStore store)
    {
        options.SharedTokenStore = store;
        return options;
    }
}
