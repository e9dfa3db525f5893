using McpClientGen.Redis.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace McpClientGen.Redis.Tests;

/// <summary>The one-line registrations, with Data Protection keys shared the standard way: in Redis.</summary>
public sealed partial class RedisSharedTokenStoreTests
{
    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task Processes_registered_with_a_connection_string_share_tokens_under_their_prefix(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        await using var first = Process(bed, services => services.AddMcpRedisTokenStore(bed.Server.ConnectionString, options => options.KeyPrefix = "billing:"));
        await using var second = Process(bed, services => services.AddMcpRedisTokenStore(bed.Server.ConnectionString, options => options.KeyPrefix = "billing:"));

        await first.GetRequiredService<IMcpSharedTokenStore>().SetAsync(Key, Entry("fleet-token"), TimeSpan.FromMinutes(1), CancellationToken.None);
        var read = await second.GetRequiredService<IMcpSharedTokenStore>().GetAsync(Key, CancellationToken.None);

        Assert.Equal("fleet-token", read?.Value);
        Assert.True(await bed.Database.KeyExistsAsync("billing:tok:" + Key.Id));
        Assert.Same(first.GetRequiredService<RedisSharedTokenStore>(), first.GetRequiredService<IMcpSharedTokenStore>());
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task A_store_registered_on_the_applications_connection_uses_it_and_leaves_it_open(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        var redis = bed.Connect();
        await using (var process = Process(bed, services => services.AddSingleton(redis).AddMcpRedisTokenStore()))
        {
            var store = process.GetRequiredService<IMcpSharedTokenStore>();
            await store.SetAsync(Key, Entry("fleet-token"), TimeSpan.FromMinutes(1), CancellationToken.None);
            Assert.Equal("fleet-token", (await store.GetAsync(Key, CancellationToken.None))?.Value);
        }

        Assert.True(redis.IsConnected);
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task A_container_disposed_synchronously_closes_the_stores_own_connection(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        var process = Process(bed, services => services.AddMcpRedisTokenStore(bed.Server.ConnectionString));
        var store = process.GetRequiredService<IMcpSharedTokenStore>();
        await store.SetAsync(Key, Entry("fleet-token"), TimeSpan.FromMinutes(1), CancellationToken.None);

        process.Dispose();

        await Assert.ThrowsAsync<RedisConnectionException>(async () => await store.GetAsync(Key, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task Registering_the_store_twice_makes_one_store_the_first_registration_configures(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        var services = new ServiceCollection();
        services.AddMcpRedisTokenStore(bed.Server.ConnectionString, options => options.KeyPrefix = "first:");
        services.AddMcpRedisTokenStore(bed.Server.ConnectionString, options => options.KeyPrefix = "second:");
        await using var process = services.BuildServiceProvider();

        Assert.Single(services, service => service.ServiceType == typeof(IMcpSharedTokenStore));
        Assert.Single(services, service => service.ServiceType == typeof(RedisSharedTokenStore));
        var store = Assert.Single(process.GetServices<IMcpSharedTokenStore>());
        await store.SetAsync(Key, Entry("fleet-token"), TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.True(await bed.Database.KeyExistsAsync("first:tok:" + Key.Id));
    }

    [Theory]
    [MemberData(nameof(RedisServerKinds.Available), MemberType = typeof(RedisServerKinds))]
    public async Task A_store_with_a_connection_of_its_own_closes_it_once_however_often_it_is_disposed(string kind)
    {
        await using var bed = await RedisTestBed.StartAsync(kind);
        var connection = new RecordingConnection(bed.Connect());
        var store = new RedisSharedTokenStore(connection.Redis, ownsConnection: true, bed.Keys.NewProvider(), options: null, loggerFactory: null, TimeProvider.System);

        await store.DisposeAsync();
        await store.DisposeAsync();
        store.Dispose();

        Assert.Equal(1, connection.Calls(nameof(IConnectionMultiplexer.CloseAsync)));
        Assert.Equal(1, connection.Calls(nameof(IConnectionMultiplexer.Dispose)));
        await Assert.ThrowsAsync<RedisConnectionException>(async () => await store.GetAsync(Key, CancellationToken.None));
    }

    /// <summary>A process's container: Data Protection keys in Redis under one application name, and the store.</summary>
    private static ServiceProvider Process(RedisTestBed bed, Action<IServiceCollection> addStore)
    {
        var services = new ServiceCollection();
        addStore(services);
        services.AddDataProtection()
            .SetApplicationName("fleet")
            .PersistKeysToStackExchangeRedis(() => bed.Inspector.GetDatabase(), "fleet:data-protection-keys");
        return services.BuildServiceProvider();
    }
}
