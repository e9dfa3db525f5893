using BenchmarkDotNet.Attributes;
using McpClientGen.Testing;
using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests;

namespace McpClientGen.Benchmarks;

/// <summary>
/// (b) The typed call with client-credentials authentication (token cached) against the same call without it.
/// <list type="bullet">
/// <item>Baseline: unauthenticated typed call to the benchmark's own server (no auth anywhere).</item>
/// <item>Authenticated, same server: the token comes from the DemoStack's OpenIddict (token endpoint configured,
/// so no discovery) and the Bearer header goes to the benchmark's own server, which ignores it: the difference is
/// the client-side auth handler alone.</item>
/// <item>Authenticated, DemoStack: the DemoStack's MCP server, which validates the JWT (ASP.NET Core JwtBearer,
/// authorization policy, scope middleware) on every request: the difference adds the server's auth cost.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
// Loopback HTTP calls vary by tens of percent between iterations on a 2-core VM: a short run (3 iterations) cannot
// resolve a 2-3 % ratio, so these take 20 measured iterations.
[SimpleJob(warmupCount: 5, iterationCount: 20)]
public class AuthenticatedCallBenchmarks
{
    private LoopbackMcpServer _server = null!;
    private DemoStack _stack = null!;
    private DemoClient _unauthenticated = null!;
    private DemoClient _authenticatedSameServer = null!;
    private DemoClient _authenticatedDemoStack = null!;
    private CachedTokenGuard _tokens = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await LoopbackMcpServer.StartAsync<BenchTools>();
        _stack = await DemoStack.StartAsync();
        _unauthenticated = new DemoClient(McpConnection.CreateUnauthenticated(_server.Endpoint));
        _authenticatedSameServer = DemoClient.Create(new McpConnectionOptions
        {
            Endpoint = _server.Endpoint,
            TokenEndpoint = _stack.TokenEndpoint,
            // The authorization server issues tokens for its own MCP endpoint only; this one ignores the audience.
            ResourceIndicator = ResourceIndicatorMode.Never,
            ClientId = _stack.ClientId,
            ClientSecret = _stack.ClientSecret,
        });
        _authenticatedDemoStack = DemoClient.Create(_stack.ClientOptions());

        _tokens = await CachedTokenGuard.WarmUpAsync(_stack, expectedTokens: 2, _unauthenticated, _authenticatedSameServer, _authenticatedDemoStack);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        // The measured calls must all have used the cached tokens.
        var requests = _tokens.RequestsSinceWarmUp;
        await _unauthenticated.DisposeAsync();
        await _authenticatedSameServer.DisposeAsync();
        await _authenticatedDemoStack.DisposeAsync();
        await _stack.DisposeAsync();
        await _server.DisposeAsync();
        CachedTokenGuard.Check(requests);
    }

    [Benchmark(Baseline = true, Description = "unauthenticated typed call")]
    public Task<IDemoClient.GetWeatherResult> Unauthenticated() => _unauthenticated.GetWeatherAsync("Oslo");

    [Benchmark(Description = "authenticated typed call, same server (client-side auth cost)")]
    public Task<IDemoClient.GetWeatherResult> AuthenticatedSameServer() => _authenticatedSameServer.GetWeatherAsync("Oslo");

    [Benchmark(Description = "authenticated typed call, DemoStack (client + server auth cost)")]
    public Task<IDemoClient.GetWeatherResult> AuthenticatedDemoStack() => _authenticatedDemoStack.GetWeatherAsync("Oslo");
}
