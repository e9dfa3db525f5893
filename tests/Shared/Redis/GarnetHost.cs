using System.Globalization;
using Garnet;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace McpClientGen.Testing.Redis;

/// <summary>
/// Garnet, Microsoft Research's Redis-compatible server, inside the test process on 127.0.0.1: memory only, Lua
/// scripting on (the shared token store releases leases with a script). It can be stopped and started again on the
/// same port, empty, as a Redis server that went down and came back would be.
/// </summary>
/// <remarks>
/// Started, it runs each kind of command the store sends once, so that compiling them (the first Lua script takes
/// hundreds of milliseconds in a fresh process) is done before a test's first call, which the engine allows 100 ms.
/// </remarks>
public sealed class GarnetHost : IRedisTestServer
{
    private readonly object _gate = new();
    private GarnetServer? _server;

    private GarnetHost(int port) => Port = port;

    /// <summary>The loopback port it listens on, the same after a restart.</summary>
    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for it.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Whether it is running.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _server is not null;
            }
        }
    }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<GarnetHost> StartNewAsync()
    {
        var host = new GarnetHost(FreeLoopbackPort.Take());
        await host.StartAsync();
        return host;
    }

    /// <summary>Starts it again on its port, empty; does nothing while it runs.</summary>
    public async Task StartAsync()
    {
        lock (_gate)
        {
            if (_server is not null)
            {
                return;
            }

            var server = new GarnetServer(
                ["--bind", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture), "--lua", "true",
                 "--memory", "64m", "--index", "1m"],
                NullLoggerFactory.Instance);
            server.Start();
            _server = server;
        }

        await WarmUpAsync();
    }

    /// <summary>Stops it: connections are dropped and what it held is gone.</summary>
    public Task StopAsync()
    {
        GarnetServer? server;
        lock (_gate)
        {
            server = _server;
            _server = null;
        }

        server?.Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task WarmUpAsync()
    {
        const string key = "garnet-host:warm-up";
        await using var connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
        var database = connection.GetDatabase();
        await database.StringSetAsync(key, "holder", TimeSpan.FromSeconds(10), When.NotExists);
        await database.StringGetAsync(key);
        await database.ScriptEvaluateAsync("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0", [key], ["holder"]);
        await connection.GetSubscriber().PublishAsync(RedisChannel.Literal(key), "warm");
    }
}
