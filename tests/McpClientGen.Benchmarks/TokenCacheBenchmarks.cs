using BenchmarkDotNet.Attributes;
using McpClientGen.DemoServer;

namespace McpClientGen.Benchmarks;

/// <summary>
/// (c) <see cref="ClientCredentialsTokenProvider.GetTokenAsync"/> when a fresh token is cached (the path every MCP
/// request takes), against returning an already-made <see cref="ValueTask{TResult}"/>. The provider is built by
/// <see cref="ClientCredentialsEngine.Create"/>, as every connection's is (so the second cache level is the default,
/// <see cref="NoSharedTokenCache"/>), on the system clock, and got its token from a real DemoStack.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 5, iterationCount: 15)]
public class TokenCacheBenchmarks
{
    private DemoStack stack = null!;
    private ClientCredentialsEngine engine = null!;
    private ClientCredentialsTokenProvider provider = null!;
    private ValueTask<AccessToken?> cached;
    private int tokensAfterSetup;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        stack = await DemoStack.StartAsync();
        var options = new McpConnectionOptions { Endpoint = stack.McpEndpoint, ClientId = stack.ClientId, ClientSecret = stack.ClientSecret };
        engine = ClientCredentialsEngine.Create(options, TimeProvider.System, loggerFactory: null);
        provider = engine.Provider;
        var token = await provider.GetTokenAsync(CancellationToken.None) ?? throw new InvalidOperationException("No token.");
        cached = new ValueTask<AccessToken?>(token);

        var hit = provider.GetTokenAsync(CancellationToken.None);
        if (!hit.IsCompletedSuccessfully || !ReferenceEquals(hit.Result, token))
        {
            throw new InvalidOperationException("The second call did not take the cache-hit path.");
        }

        tokensAfterSetup = stack.TokenRequestCount;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        var tokens = stack.TokenRequestCount;
        engine.Dispose();
        await stack.DisposeAsync();
        if (tokens != tokensAfterSetup || tokens != 1)
        {
            throw new InvalidOperationException($"Expected exactly one token request in all, got {tokens}.");
        }
    }

    /// <summary>The least any cache could do: hand back a stored, completed ValueTask.</summary>
    [Benchmark(Baseline = true, Description = "return a cached ValueTask")]
    public object? CachedValueTask() => cached.Result;

    [Benchmark(Description = "ClientCredentialsTokenProvider.GetTokenAsync (hit)")]
    public object? GetTokenAsyncHit() => provider.GetTokenAsync(CancellationToken.None).Result;
}
