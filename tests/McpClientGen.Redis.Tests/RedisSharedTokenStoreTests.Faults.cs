using McpClientGen.DemoServer;
using McpClientGen.Redis.Tests.Support;
using McpClientGen.Testing;
using McpClientGen.Testing.Redis;
using McpClientGen.Tests.Support;

namespace McpClientGen.Redis.Tests;

/// <summary>Redis down, gone mid-run or answering garbage: calls go on with tokens of each process's own.</summary>
public sealed partial class RedisSharedTokenStoreTests
{
    /// <summary>The engine's warning that the shared store failed, logged once per outage.</summary>
    private const int StoreUnavailable = 132;

    /// <summary>The engine's note that the shared store answers again.</summary>
    private const int StoreRecovered = 133;

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task Redis_stopped_mid_run_fails_no_call_and_sharing_resumes_when_it_is_back(string kind)
    {
        var clock = new FakeClock();
        using var logs = new CapturedLogs();
        await using var fleet = await TwoProcessFleet.StartAsync(kind, clock, logs.Factory);
        var (bed, stack, first, second) = (fleet.Bed, fleet.Stack, fleet.First, fleet.Second);
        await fleet.CallFromBothAsync();
        Assert.Equal(1, stack.TokenRequestCount);

        // Redis goes down, and the tokens need replacing: each process requests its own, and warns once.
        await bed.Server.StopAsync();
        await ConnectionState.WaitUntilAsync(first.Redis, connected: false);
        await ConnectionState.WaitUntilAsync(second.Redis, connected: false);
        clock.Advance(TimeSpan.FromDays(1));
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? first : second).CallAsync())).WaitAsync(Bounded.Limit);
        Assert.Equal(3, stack.TokenRequestCount);
        Assert.Equal(2, logs.Count(StoreUnavailable));

        // Redis is back (empty); once the break is over the fleet shares again: one request for both processes.
        await bed.Server.StartAsync();
        await ConnectionState.WaitUntilAsync(first.Redis, connected: true);
        await ConnectionState.WaitUntilAsync(second.Redis, connected: true);
        clock.Advance(TimeSpan.FromDays(1));
        await fleet.CallFromBothAsync();
        Assert.Equal(4, stack.TokenRequestCount);
        Assert.Equal(2, logs.Count(StoreRecovered));
        Assert.Equal(2, logs.Count(StoreUnavailable));
        Assert.Single(await bed.EntryKeysAsync());
        AssertNoSecretIn(logs, stack);
    }

    [Fact]
    public async Task Redis_down_at_start_neither_fails_the_connection_nor_a_call()
    {
        using var keys = new SharedDataProtectionKeys();
        await using var stack = await DemoStack.StartAsync();
        using var logs = new CapturedLogs();

        // Nothing listens on the port.
        await using var store = RedisSharedTokenStore.Connect($"127.0.0.1:{FreeLoopbackPort.Take()}", keys.NewProvider(), loggerFactory: logs.Factory);
        var options = FleetProcess.DemoClient(stack);
        options.SharedTokenStore = store;
        await using var connection = McpConnection.Create(options, new FakeClock(), logs.Factory);

        var tools = await connection.ListToolsAsync().WaitAsync(Bounded.Limit);
        await connection.ListToolsAsync().WaitAsync(Bounded.Limit);

        Assert.NotEmpty(tools);
        Assert.Equal(1, stack.TokenRequestCount);
        Assert.Equal(1, logs.Count(StoreUnavailable));
        AssertNoSecretIn(logs, stack);
    }

    [Fact]
    public void A_connection_string_that_is_not_valid_is_refused_without_quoting_its_password()
    {
        using var keys = new SharedDataProtectionKeys();

        var refused = Assert.Throws<ArgumentException>(
            () => RedisSharedTokenStore.Connect("127.0.0.1:1,password=hunter2-redis-password,no-such-option=1", keys.NewProvider()));

        Assert.Equal("connectionString", refused.ParamName);
        Assert.DoesNotContain("hunter2", refused.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task A_garbage_entry_fails_no_call_is_reported_once_and_is_removed(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        await using var stack = await DemoStack.StartAsync();
        var clock = new FakeClock();
        using var logs = new CapturedLogs();
        await using var process = new FleetProcess(bed, FleetProcess.DemoClient(stack), clock, logs.Factory);
        await process.CallAsync();
        var entry = Assert.Single(await bed.EntryKeysAsync());
        await bed.Database.StringSetAsync(entry, "garbage");

        clock.Advance(TimeSpan.FromDays(1));
        await process.CallAsync();
        await process.CallAsync();

        Assert.Equal(2, stack.TokenRequestCount);
        var warning = Assert.Single(logs.Records, record => record.Id.Id == StoreUnavailable);
        Assert.Contains(nameof(InvalidDataException), warning.Message, StringComparison.Ordinal);
        Assert.False(await bed.Database.KeyExistsAsync(entry));

        // After the break the store is used again, and holds a good entry.
        clock.Advance(TimeSpan.FromDays(1));
        await process.CallAsync();
        Assert.Equal(3, stack.TokenRequestCount);
        Assert.NotNull(await process.Store.GetAsync(new SharedTokenKey(((string)entry!)["mcpgen:tok:".Length..]), CancellationToken.None));
        Assert.Equal(1, logs.Count(StoreUnavailable));
        AssertNoSecretIn(logs, stack);
    }

    private static void AssertNoSecretIn(CapturedLogs logs, DemoStack stack) =>
        Assert.Empty(logs.Leaks(new SecretForms().AddClientSecret(stack.ClientId, stack.ClientSecret)));
}
