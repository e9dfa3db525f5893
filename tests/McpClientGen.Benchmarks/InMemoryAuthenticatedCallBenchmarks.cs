using BenchmarkDotNet.Attributes;
using McpClientGen.DemoServer;

namespace McpClientGen.Benchmarks;

/// <summary>
/// (b, low noise) The typed call with client-credentials authentication and a cached token against the same call without
/// it, both over the SDK's Streamable HTTP transport to the same in-process server on ASP.NET Core's TestServer
/// (<see cref="TestServerMcpServer"/>): no Kestrel and no sockets, so the difference is the client-side auth handler.
/// <list type="bullet">
/// <item>Baseline: a connection whose primary handler is the test server's (<c>ProgressNotificationTap</c> → test server).</item>
/// <item>Measured: the same with the auth handler of an engine built from <see cref="McpConnectionOptions"/> in front
/// (<c>ProgressNotificationTap</c> → auth handler → test server), as <see cref="McpConnection.Create"/> builds it. The token
/// comes from the DemoStack's OpenIddict on loopback once, in the setup; the server ignores the header.</item>
/// </list>
/// The cleanup asserts that no token was requested during the measured calls. <see cref="AuthenticatedCallBenchmarks"/>
/// stays the end-to-end view over loopback HTTP.
/// </summary>
[MemoryDiagnoser]
// Three processes of 30 measured iterations: enough that the 99.9 % error of each mean is smaller than the gap it decides.
[SimpleJob(launchCount: 3, warmupCount: 5, iterationCount: 30)]
public class InMemoryAuthenticatedCallBenchmarks
{
    private TestServerMcpServer _server = null!;
    private DemoStack _stack = null!;
    private DemoClient _unauthenticated = null!;
    private DemoClient _authenticated = null!;
    private CachedTokenGuard _tokens = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await TestServerMcpServer.StartAsync();
        _stack = await DemoStack.StartAsync();
        _unauthenticated = new DemoClient(McpConnection.CreateUnauthenticatedOverHandler(_server.Endpoint, _server.CreateHandler()));
        _authenticated = new DemoClient(McpConnection.CreateOverHandler(
            new McpConnectionOptions
            {
                Endpoint = _server.Endpoint,
                TokenEndpoint = _stack.TokenEndpoint,
                // The authorization server issues tokens for its own MCP endpoint only; this server ignores the audience.
                ResourceIndicator = ResourceIndicatorMode.Never,
                ClientId = _stack.ClientId,
                ClientSecret = _stack.ClientSecret,
            },
            _server.CreateHandler()));

        _tokens = await CachedTokenGuard.WarmUpAsync(_stack, expectedTokens: 1, _unauthenticated, _authenticated);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        // The measured calls must all have used the cached token.
        var requests = _tokens.RequestsSinceWarmUp;
        await _unauthenticated.DisposeAsync();
        await _authenticated.DisposeAsync();
        await _stack.DisposeAsync();
        await _server.DisposeAsync();
        CachedTokenGuard.Check(requests);
    }

    [Benchmark(Baseline = true, Description = "unauthenticated typed call, TestServer handler")]
    public Task<IDemoClient.GetWeatherResult> Unauthenticated() => _unauthenticated.GetWeatherAsync("Oslo");

    [Benchmark(Description = "authenticated typed call (cached token), TestServer handler")]
    public Task<IDemoClient.GetWeatherResult> Authenticated() => _authenticated.GetWeatherAsync("Oslo");
}
