using Microsoft.Extensions.Logging;

namespace McpClientGen.Tests.Support;

/// <summary>
/// The client-credentials engine, built by <see cref="ClientCredentialsEngine.Create"/> as every connection is,
/// on a clock the test controls.
/// </summary>
internal sealed class TokenEngine : IDisposable
{
    private readonly ClientCredentialsEngine _engine;

    public TokenEngine(McpConnectionOptions options, FakeClock clock, IMcpSharedTokenStore? sharedCache = null, ILoggerFactory? loggerFactory = null)
    {
        options.SharedTokenStore = sharedCache;
        _engine = ClientCredentialsEngine.Create(options, clock, loggerFactory);
        Clock = clock;
    }

    /// <summary>The options the engine runs with (a validated copy of those given).</summary>
    public McpConnectionOptions Options => _engine.Options;

    public FakeClock Clock { get; }

    public ClientCredentialsTokenProvider Provider => _engine.Provider;

    /// <summary>A token; fails the test when the engine found no protected-resource metadata.</summary>
    public async Task<AccessToken> TokenAsync() =>
        await Provider.GetTokenAsync(CancellationToken.None).AsTask().Within() ?? throw new Xunit.Sdk.XunitException("The engine returned no token.");

    /// <summary>A token, firing every retry delay as soon as it starts (the per-attempt timeout never fires).</summary>
    public Task<AccessToken> TokenThroughRetriesAsync() => Clock.CompleteAsync(TokenAsync(), IsRetryDelay);

    /// <summary>Whether a timer is Polly's delay before a retry: any timer but the per-attempt timeout.</summary>
    public bool IsRetryDelay(PendingTimer timer) => timer.DueTime != Options.TokenRequestTimeout;

    /// <summary>Moves the clock a day on, past the life of every token these tests are issued.</summary>
    public void ExpireTokens() => Clock.Advance(TimeSpan.FromDays(1));

    public void Dispose() => _engine.Dispose();
}
