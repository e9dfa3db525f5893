using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests;
using McpClientGen.Redis;
using McpClientGen.Testing.Redis;
using Microsoft.AspNetCore.DataProtection;

namespace McpClientGen.Benchmarks;

/// <summary>
/// A process of a fleet, as the benchmarks need one: Garnet hosted in this process, a <see cref="RedisSharedTokenStore"/>
/// on it over loopback TCP, and an engine for the demo stack's client that shares its tokens through that store.
/// </summary>
internal sealed class GarnetFleetMember : IAsyncDisposable
{
    private readonly GarnetHost _garnet;

    private GarnetFleetMember(GarnetHost garnet, RedisSharedTokenStore store, ClientCredentialsEngine engine)
    {
        _garnet = garnet;
        Store = store;
        Engine = engine;
    }

    /// <summary>The store on Garnet.</summary>
    public RedisSharedTokenStore Store { get; }

    /// <summary>The engine whose <see cref="McpConnectionOptions.SharedTokenStore"/> is <see cref="Store"/>.</summary>
    public ClientCredentialsEngine Engine { get; }

    public static async Task<GarnetFleetMember> StartAsync(DemoStack stack)
    {
        var garnet = await GarnetHost.StartNewAsync();
        var store = RedisSharedTokenStore.Connect(garnet.ConnectionString, new EphemeralDataProtectionProvider());
        var options = stack.ClientOptions();
        options.SharedTokenStore = store;
        return new GarnetFleetMember(garnet, store, ClientCredentialsEngine.Create(options, TimeProvider.System, loggerFactory: null));
    }

    public async ValueTask DisposeAsync()
    {
        Engine.Dispose();
        await Store.DisposeAsync();
        await _garnet.DisposeAsync();
    }
}
