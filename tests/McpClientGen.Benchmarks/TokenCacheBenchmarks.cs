using BenchmarkDotNet.Attributes;
using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests;

namespace McpClientGen.Benchmarks;

/// <summary>
/// (c) <see cref="ClientCredentialsTokenProvider.GetTokenAsync"/> when a fresh token is cached (the path every MCP
/// request takes), against returning an already-made <see cref="ValueTask{TResult}"/>. The provider is built by
/// <see cref="ClientCredentialsEngine.Create"/>, as every connection's is, on the system clock, and got its token from a
/// real DemoStack; once without a shared token store, and once as a fleet member with one (<see cref="GarnetFleetMember"/>: Redis store
/// on Garnet in this process), whose fast path must not consult it.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(warmupCount: 5, iterationCount: 15)]
public class TokenCacheBenchmarks
{
    private DemoStack _stack = null!;
    private ClientCredentialsEngine _engine = null!;
    private ClientCredentialsTokenProvider _provider = null!;
    private GarnetFleetMember _fleetMember = null!;
    private ClientCredentialsTokenProvider _sharingProvider = null!;
    private ValueTask<AccessToken?> _cached;
    private int _tokensAfterSetup;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _stack = await DemoStack.StartAsync();
        _engine = ClientCredentialsEngine.Create(_stack.ClientOptions(), TimeProvider.System, loggerFactory: null);
        _provider = _engine.Provider;
        var token = await _provider.GetTokenAsync(CancellationToken.None) ?? throw new InvalidOperationException("No token.");
        _cached = new ValueTask<AccessToken?>(token);

        var hit = _provider.GetTokenAsync(CancellationToken.None);
        if (!hit.IsCompletedSuccessfully || !ReferenceEquals(hit.Result, token))
        {
            throw new InvalidOperationException("The second call did not take the cache-hit path.");
        }

        _fleetMember = await GarnetFleetMember.StartAsync(_stack);
        _sharingProvider = _fleetMember.Engine.Provider;
        var sharedToken = await _sharingProvider.GetTokenAsync(CancellationToken.None) ?? throw new InvalidOperationException("No token.");
        var sharedHit = _sharingProvider.GetTokenAsync(CancellationToken.None);
        if (!sharedHit.IsCompletedSuccessfully || !ReferenceEquals(sharedHit.Result, sharedToken))
        {
            throw new InvalidOperationException("The fleet member's second call did not take the cache-hit path.");
        }

        _tokensAfterSetup = _stack.TokenRequestCount;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        var tokens = _stack.TokenRequestCount;
        _engine.Dispose();
        await _fleetMember.DisposeAsync();
        await _stack.DisposeAsync();

        // One token for the process without a store, one for the fleet member (its store was empty): none while measuring.
        if (tokens != _tokensAfterSetup || tokens != 2)
        {
            throw new InvalidOperationException($"Expected exactly two token requests in all, got {tokens}.");
        }
    }

    /// <summary>The least any cache could do: hand back a stored, completed ValueTask.</summary>
    [Benchmark(Baseline = true, Description = "return a cached ValueTask")]
    public object? CachedValueTask() => _cached.Result;

    [Benchmark(Description = "ClientCredentialsTokenProvider.GetTokenAsync (hit)")]
    public object? GetTokenAsyncHit() => _provider.GetTokenAsync(CancellationToken.None).Result;

    [Benchmark(Description = "GetTokenAsync (hit) with a shared store on Garnet")]
    public object? GetTokenAsyncHitWithSharedStore() => _sharingProvider.GetTokenAsync(CancellationToken.None).Result;
}
