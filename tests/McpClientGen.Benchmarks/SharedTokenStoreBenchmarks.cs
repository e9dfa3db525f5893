using BenchmarkDotNet.Attributes;
using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests;
using McpClientGen.Redis;
using Microsoft.Extensions.Logging.Abstractions;

namespace McpClientGen.Benchmarks;

/// <summary>
/// (f) What a process with no token of its own pays, side by side: a token taken from the fleet's shared store
/// (<see cref="RedisSharedTokenStore"/> on Garnet in this process, over loopback TCP: one GET, Data Protection
/// decryption, parsing) against a token request to the DemoStack's OpenIddict (baseline). Both go through the engine's
/// own pieces: the shared hit through a new <see cref="TokenSlot"/> whose acquisition finds the token in the store (the
/// path of a first call or a refresh in a fleet member), and bare, through the guarded store and its tier; the round trip
/// through the token provider of a connection without a store, its token dropped before each call.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(warmupCount: 5, iterationCount: 15)]
public class SharedTokenStoreBenchmarks
{
    private DemoStack _stack = null!;
    private GarnetFleetMember _fleetMember = null!;
    private RedisSharedTokenStore _redis = null!;
    private ClientCredentialsEngine _sharing = null!;
    private ClientCredentialsEngine _alone = null!;
    private SharedTokenTier _tier = null!;
    private TokenCacheKey _key = null!;
    private AccessToken _aloneToken = null!;
    private string _sharedValue = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _stack = await DemoStack.StartAsync();
        // A process of the fleet requests the token and stores it in Garnet.
        _fleetMember = await GarnetFleetMember.StartAsync(_stack);
        _redis = _fleetMember.Store;
        _sharing = _fleetMember.Engine;
        var shared = await _sharing.Provider.GetTokenAsync(CancellationToken.None) ?? throw new InvalidOperationException("No token.");
        _sharedValue = shared.Value;
        _key = new TokenCacheKey(
            _stack.Issuer.AbsoluteUri, _stack.ClientId, shared.RequestedScopes, _stack.McpEndpoint.AbsoluteUri, CredentialFingerprint: CredentialFingerprint.Of(_sharing.Options));

        // Stored once more without the engine's guard (SharedTokenStoreTimeout), which a busy machine's first calls (the connection still
        // being made) can exceed; then read back until Garnet serves it, so the measured reads are all hits.
        var sharedKey = SharedTokenKey.For(_key);
        var entry = new SharedTokenEntry(shared.Value, shared.Authority, shared.IssuedAt, shared.ExpiresAt, shared.RequestedScopes, certificateThumbprint: null);
        await _redis.SetAsync(sharedKey, entry, shared.UsableUntil - DateTimeOffset.UtcNow, CancellationToken.None);
        for (var attempt = 0; (await _redis.GetAsync(sharedKey, CancellationToken.None))?.Value != _sharedValue; attempt++)
        {
            if (attempt == 100)
            {
                throw new InvalidOperationException("Garnet did not serve the stored token.");
            }
        }

        _tier = new SharedTokenTier(new ResilientSharedTokenStore(_redis, _sharing.Options.SharedTokenStoreTimeout, TimeProvider.System, NullLogger.Instance), _key, _sharing.Options, certificate: null);

        _alone = ClientCredentialsEngine.Create(_stack.ClientOptions(), TimeProvider.System, loggerFactory: null);
        _aloneToken = await _alone.Provider.GetTokenAsync(CancellationToken.None) ?? throw new InvalidOperationException("No token.");

        // The store misses nothing: a slot whose store had no token would request one, and fails the benchmark instead.
        if ((await SharedStoreHitThroughSlot() as AccessToken)?.Value != _sharedValue || (await SharedStoreHitThroughTier() as AccessToken)?.Value != _sharedValue)
        {
            throw new InvalidOperationException("The shared store did not serve the stored token.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _alone.Dispose();
        await _fleetMember.DisposeAsync();
        await _stack.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "token round trip to OpenIddict (no shared store)")]
    public async Task<object> TokenRoundTrip()
    {
        _alone.Provider.Invalidate(_aloneToken);
        return _aloneToken = await _alone.Provider.GetTokenAsync(CancellationToken.None) ?? throw new InvalidOperationException("No token.");
    }

    [Benchmark(Description = "shared-store hit on Garnet: first-level miss served by the store")]
    public async Task<object> SharedStoreHitThroughSlot() =>
        await new TokenSlot(_key, static () => throw new InvalidOperationException("The shared store had no token."), _tier, TimeProvider.System, NullLogger.Instance).GetAsync();

    [Benchmark(Description = "shared-store read on Garnet: guarded GET, decrypt, parse")]
    public async Task<object?> SharedStoreHitThroughTier() => await _tier.GetAsync();
}
