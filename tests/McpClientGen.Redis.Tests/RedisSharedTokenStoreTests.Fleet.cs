using McpClientGen.DemoServer;
using McpClientGen.Redis.Tests.Support;
using McpClientGen.Testing;
using McpClientGen.Tests.Support;
using StackExchange.Redis;

namespace McpClientGen.Redis.Tests;

/// <summary>Engines sharing the store: each <see cref="FleetProcess"/> stands for one process of a fleet.</summary>
public sealed partial class RedisSharedTokenStoreTests
{
    /// <summary>How long a process waits for a lease holder's token: TokenRequestTimeout (30 s) × 2, capped at 10 s.</summary>
    private static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(10);

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task Two_processes_with_200_concurrent_first_callers_each_make_one_token_request_in_all(string kind)
    {
        await using var fleet = await TwoProcessFleet.StartAsync(kind);
        var (bed, stack, first, second) = (fleet.Bed, fleet.Stack, fleet.First, fleet.Second);

        var calls = Enumerable.Range(0, 400).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).CallAsync()));
        await Task.WhenAll(calls).WaitAsync(Bounded.Limit);

        Assert.Equal(1, stack.TokenRequestCount);
        Assert.Single(await bed.EntryKeysAsync());
        Assert.Empty(await LeaseKeysAsync(bed));
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task One_process_refreshes_ahead_of_expiry_and_another_picks_the_new_token_up(string kind)
    {
        await using var fleet = await TwoProcessFleet.StartAsync(kind);
        var (bed, stack, first, second) = (fleet.Bed, fleet.Stack, fleet.First, fleet.Second);
        await fleet.CallFromBothAsync();
        var key = new SharedTokenKey(((string)Assert.Single(await bed.EntryKeysAsync())!)["mcpgen:tok:".Length..]);
        await using var watcher = bed.NewStore();
        var shared = await watcher.GetAsync(key, CancellationToken.None);

        // Past the refresh point of the hour-long token (80 % of its usable 59 minutes), still usable: the first process
        // serves the call with it and refreshes in the background, for the fleet.
        first.Clock.Advance(TimeSpan.FromMinutes(50));
        await first.CallAsync();
        var refreshed = await WaitForNewEntryAsync(watcher, key, shared!.ValueHash);
        Assert.NotEqual(shared.ValueHash, refreshed.ValueHash);
        Assert.Equal(2, stack.TokenRequestCount);

        // The second process finds its token unusable later on and takes the refreshed one rather than asking for its own.
        second.Clock.Advance(TimeSpan.FromMinutes(60));
        await second.CallAsync();
        Assert.Equal(2, stack.TokenRequestCount);
        Assert.Equal(0, stack.Mcp401Count);
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task A_token_revoked_at_the_server_is_replaced_once_for_the_fleet(string kind)
    {
        await using var fleet = await TwoProcessFleet.StartAsync(kind);
        var (bed, stack) = (fleet.Bed, fleet.Stack);
        await fleet.CallFromBothAsync();
        var entry = Assert.Single(await bed.EntryKeysAsync());
        var revoked = await bed.Database.StringGetAsync(entry);

        // Both processes get a 401 for the shared token: the first removes it and shares a new one, which the second's
        // removal (of the revoked token only) leaves alone and takes.
        stack.RevokeIssuedTokens();
        await fleet.CallFromBothAsync();

        Assert.Equal(2, stack.TokenRequestCount);
        Assert.Equal(2, stack.Mcp401Count);
        Assert.NotEqual(revoked, await bed.Database.StringGetAsync(entry));
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task A_lease_holder_that_died_holds_a_process_up_only_until_its_lease_expires(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        await using var stack = await DemoStack.StartAsync();
        await using var process = new FleetProcess(bed, FleetProcess.DemoClient(stack));
        await process.CallAsync();
        var entry = Assert.Single(await bed.EntryKeysAsync());

        // Another process took the lease and died before storing: no entry, a lease that only its expiry will remove.
        var lease = (RedisKey)((string)entry!).Replace("mcpgen:tok:", "mcpgen:lease:", StringComparison.Ordinal);
        Assert.True(await bed.Database.KeyDeleteAsync(entry));
        Assert.True(await bed.Database.StringSetAsync(lease, "dead-holder", TimeSpan.FromHours(1), When.NotExists));
        process.Clock.Advance(TimeSpan.FromDays(1));

        var call = process.CallAsync();
        var wait = await process.Clock.WaitForTimerAsync(timer => timer.DueTime == LeaseTime);
        Assert.False(call.IsCompleted);
        Assert.Equal(1, stack.TokenRequestCount);

        // The lease expires as the wait ends: the process takes it over, requests the token and stores it for the fleet.
        Assert.True(await bed.Database.KeyDeleteAsync(lease));
        process.Clock.AdvanceTo(wait);
        await call.WaitAsync(Bounded.Limit);

        Assert.Equal(2, stack.TokenRequestCount);
        Assert.True(await bed.Database.KeyExistsAsync(entry));
        Assert.False(await bed.Database.KeyExistsAsync(lease));
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task Clients_and_scope_sets_get_entries_of_their_own_and_no_key_or_value_shows_a_token_or_secret(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        await using var stack = await DemoStack.StartAsync();
        Func<McpConnectionOptions>[] clients =
        [
            () => FleetProcess.DemoClient(stack, "demo.read"),
            () => FleetProcess.DemoClient(stack, "demo.read demo.write"),
            () => PostOnlyClient(stack, "demo.read"),
            () => PrivateKeyJwtClient(stack, "demo.read"),
        ];

        // Each client in two processes: the second takes the first one's token, never another client's.
        foreach (var client in clients)
        {
            await using var first = new FleetProcess(bed, client());
            await using var second = new FleetProcess(bed, client());
            await first.CallAsync();
            await second.CallAsync();
        }

        Assert.Equal(4, stack.TokenRequestCount);
        Assert.Equal(2, stack.TokenRequestCountFor(stack.ClientId));
        var entries = await bed.EntryKeysAsync();
        Assert.Equal(4, entries.Count);

        // The signing key of the private_key_jwt client too: its assertions are signed with it, and never stored.
        var secrets = new SecretForms()
            .AddClientSecret(stack.ClientId, stack.ClientSecret)
            .AddClientSecret(stack.PostOnlyClientId, stack.PostOnlyClientSecret)
            .AddPrivateKey(stack.JwtClients.Es256.PrivateKeyPem)
            .AddPrivateKey(stack.JwtClients.Es256.PrivateJwk);
        await using var reader = bed.NewStore();
        foreach (var entry in entries)
        {
            var token = await reader.GetAsync(new SharedTokenKey(((string)entry!)["mcpgen:tok:".Length..]), CancellationToken.None);
            secrets.AddToken("access token", Assert.IsType<SharedTokenEntry>(token).Value);
        }

        var dump = await bed.DumpAsync();
        Assert.Equal(4, dump.Count);
        Assert.Empty(secrets.FindIn(dump.Select(item => ("a key", item.Key))));

        // Values are ciphertext, whose bytes may spell "eyJ" by chance: there every token is searched for whole, JSON-escaped
        // and by each of its segments, and the client secrets in all their forms.
        Assert.DoesNotContain(
            secrets.FindIn(dump.Select(item => ($"the value of {item.Key}", item.Value))),
            finding => !finding.StartsWith("something that starts like a JWT", StringComparison.Ordinal));
    }

    private static McpConnectionOptions PostOnlyClient(DemoStack stack, string scopes)
    {
        var options = FleetProcess.DemoClient(stack, scopes);
        options.ClientId = stack.PostOnlyClientId;
        options.ClientSecret = stack.PostOnlyClientSecret;
        options.ClientAuthentication = ClientAuthenticationMethod.ClientSecretPost;
        return options;
    }

    private static McpConnectionOptions PrivateKeyJwtClient(DemoStack stack, string scopes)
    {
        var options = FleetProcess.DemoClient(stack, scopes);
        options.ClientId = stack.JwtClients.Es256.ClientId;
        options.ClientSecret = null;
        options.PrivateKey = stack.JwtClients.Es256.PrivateKeyPem;
        return options;
    }

    private static async Task<IReadOnlyList<string>> LeaseKeysAsync(RedisTestBed bed) =>
        [.. (await bed.DumpAsync()).Select(item => item.Key).Where(key => key.StartsWith("mcpgen:lease:", StringComparison.Ordinal))];

    /// <summary>
    /// The entry that replaces the one seen. A wait also ends early when no lease is held, which is the case until the
    /// background refresh has taken its lease, so the wait is repeated until the entry has changed (or the bound passes,
    /// which fails the test with an <see cref="OperationCanceledException"/>).
    /// </summary>
    private static async Task<SharedTokenEntry> WaitForNewEntryAsync(IMcpSharedTokenStore store, SharedTokenKey key, string seenValueHash)
    {
        using var bound = new CancellationTokenSource(Bounded.Limit);
        while (true)
        {
            if (await store.WaitForEntryAsync(key, seenValueHash, Bounded.Limit, bound.Token) is { } entry && entry.ValueHash != seenValueHash)
            {
                return entry;
            }
        }
    }
}
