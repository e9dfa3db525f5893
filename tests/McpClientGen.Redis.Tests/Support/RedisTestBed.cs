using System.Text;
using McpClientGen.Testing.Redis;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace McpClientGen.Redis.Tests.Support;

/// <summary>
/// One test's real Redis-compatible server, the Data Protection keys its processes share, and a connection of the test's
/// own to look at what the stores wrote. Every store it makes has a connection of its own, as separate processes have.
/// </summary>
internal sealed class RedisTestBed : IAsyncDisposable
{
    private readonly List<IDisposable> _owned = [];

    private RedisTestBed(IRedisTestServer server, IConnectionMultiplexer inspector)
    {
        Server = server;
        Inspector = inspector;
    }

    public IRedisTestServer Server { get; }

    public SharedDataProtectionKeys Keys { get; } = new();

    /// <summary>The test's own connection (admin commands allowed), to read and write what the stores see.</summary>
    public IConnectionMultiplexer Inspector { get; }

    public IDatabase Database => Inspector.GetDatabase();

    public static async Task<RedisTestBed> StartAsync(string kind)
    {
        var server = await RedisServerKinds.StartAsync(kind);
        var inspector = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString + ",allowAdmin=true");
        return new RedisTestBed(server, inspector);
    }

    /// <summary>
    /// A connection as the store's <see cref="RedisSharedTokenStore.Connect"/> opens it; <paramref name="pubSub"/> false
    /// disables SUBSCRIBE on it, as a server or proxy without pub/sub would.
    /// </summary>
    public IConnectionMultiplexer Connect(bool pubSub = true) =>
        Own(ConnectionFactory.Connect(Server.ConnectionString + (pubSub ? string.Empty : ",$SUBSCRIBE=")));

    /// <summary>A store on a connection of its own, with the fleet's Data Protection keys unless others are given.</summary>
    public RedisSharedTokenStore NewStore(
        TimeProvider? clock = null,
        IConnectionMultiplexer? connection = null,
        IDataProtectionProvider? dataProtection = null,
        ILoggerFactory? loggerFactory = null,
        TimeSpan? pollInterval = null) =>
        new(
            connection ?? Connect(),
            ownsConnection: false,
            dataProtection ?? Keys.NewProvider(),
            new RedisSharedTokenStoreOptions { PollInterval = pollInterval ?? new RedisSharedTokenStoreOptions().PollInterval },
            loggerFactory,
            clock ?? TimeProvider.System);

    /// <summary>Every key on the server with its value as text (bytes kept one to one), whatever its type.</summary>
    public async Task<IReadOnlyList<(string Key, string Value)>> DumpAsync()
    {
        var server = Inspector.GetServers().Single();
        var dump = new List<(string, string)>();
        await foreach (var key in server.KeysAsync(pattern: "*"))
        {
            var type = await Database.KeyTypeAsync(key);
            RedisValue[] values = type switch
            {
                RedisType.String => [await Database.StringGetAsync(key)],
                RedisType.List => await Database.ListRangeAsync(key),
                RedisType.Hash => [.. (await Database.HashGetAllAsync(key)).SelectMany(field => new[] { field.Name, field.Value })],
                RedisType.Set => await Database.SetMembersAsync(key),
                _ => throw new InvalidOperationException($"The store wrote a key of type {type}, which the scan does not read."),
            };
            dump.AddRange(values.Select(value => ((string)key!, Encoding.Latin1.GetString((byte[])value!))));
        }

        return dump;
    }

    /// <summary>The entry keys (<c>mcpgen:tok:*</c>) on the server.</summary>
    public async Task<IReadOnlyList<RedisKey>> EntryKeysAsync()
    {
        var keys = new List<RedisKey>();
        await foreach (var key in Inspector.GetServers().Single().KeysAsync(pattern: "mcpgen:tok:*"))
        {
            keys.Add(key);
        }

        return keys;
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        Inspector.Dispose();
        await Server.DisposeAsync();
        Keys.Dispose();
    }
}
