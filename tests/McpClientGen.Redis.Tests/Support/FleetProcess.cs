using System.Text.Json;
using McpClientGen.DemoServer;
using McpClientGen.Tests.Support;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using StackExchange.Redis;

namespace McpClientGen.Redis.Tests.Support;

/// <summary>
/// One process of a fleet, as far as tokens go: a Redis connection and <see cref="RedisSharedTokenStore"/> of its own,
/// and an MCP connection to the demo stack made through the public API with that store as its shared token store.
/// </summary>
/// <remarks>
/// The engine and the store's waits run on a <see cref="FakeClock"/>: the guard's 100 ms limit per store call then never
/// fires on its own, so a slow call on a busy test machine cannot pass for an outage (tests of outages stop the server),
/// and a waiting process is woken only by the notification of a stored token, or by the test moving its clock.
/// </remarks>
internal sealed class FleetProcess : IAsyncDisposable
{
    private readonly McpConnection _mcp;

    public FleetProcess(RedisTestBed bed, McpConnectionOptions options, FakeClock? clock = null, ILoggerFactory? loggerFactory = null)
    {
        Clock = clock ?? new FakeClock();
        Redis = bed.Connect();
        Store = bed.NewStore(Clock, Redis, loggerFactory: loggerFactory);
        options.SharedTokenStore = Store;
        _mcp = McpConnection.Create(options, Clock, loggerFactory);
    }

    /// <summary>The process's clock, which its engine and its store's waits run on.</summary>
    public FakeClock Clock { get; }

    public IConnectionMultiplexer Redis { get; }

    public RedisSharedTokenStore Store { get; }

    /// <summary>The demo stack's client, by secret.</summary>
    public static McpConnectionOptions DemoClient(DemoStack stack, string? scopes = null) => new()
    {
        Endpoint = stack.McpEndpoint,
        ClientId = stack.ClientId,
        ClientSecret = stack.ClientSecret,
        AuthorizationServer = stack.Issuer,
        Scopes = scopes,
    };

    /// <summary>A tool call that needs a token; fails the test when the server answers with an error.</summary>
    public async Task CallAsync()
    {
        var result = await _mcp.CallToolAsync(new CallToolRequestParams
        {
            Name = "convert_temperature",
            Arguments = new Dictionary<string, JsonElement>
            {
                ["value"] = JsonSerializer.SerializeToElement(100),
                ["to"] = JsonSerializer.SerializeToElement("fahrenheit"),
            },
        });
        Assert.NotEqual(true, result.IsError);
    }

    public async ValueTask DisposeAsync()
    {
        await _mcp.DisposeAsync();
        await Store.DisposeAsync();
    }
}
