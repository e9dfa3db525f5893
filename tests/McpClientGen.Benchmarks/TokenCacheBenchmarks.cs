using BenchmarkDotNet.Attributes;
using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests;

namespace McpClientGen.Benchmarks;

/// <summary>
/// (c) <see cref="ClientCredentialsTokenProvider.GetTokenAsync"/> when a fresh token is cached (the path every MCP
/// request takes), against returning an already-made <see cref="ValueTask{TResult}"/>. The provider is built by
/// <see cref="ClientCredentialsEngine.Create"/>, as every connection's is (without a shared token store: the fast path
/// never consults one, so this is also the hit of a fleet member), on the system clock, and got its token from a real
/// DemoStack.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 5, iterationCount: 15)]
public class TokenCacheBenchmarks
{
    private DemoStack _stack = null!;
    private ClientCredentialsEngine _engine = null!;
    private ClientCredentialsTokenProvider _provider = null!;
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

        _tokensAfterSetup = _stack.TokenRequestCount;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        var tokens = _stack.TokenRequestCount;
        _engine.Dispose();
        await _stack.DisposeAsync();
        if (tokens != _tokensAfterSetup || tokens != 1)
        {
            throw new InvalidOperationException($"Expected exactly one token request in all, got {tokens}.");
        }
    }

    /// <summary>The least any cache could do: hand back a stored, completed ValueTask.</summary>
    [Benchmark(Baseline = true, Description = "return a cached ValueTask")]
    public object? CachedValueTask() => _cached.Result;

    [Benchmark(Description = "ClientCredentialsTokenProvider.GetTokenAsync (hit)")]
    public object? GetTokenAsyncHit() => _provider.GetTokenAsync(CancellationToken.None).Result;
}
