using Microsoft.Extensions.Logging.Abstractions;

namespace McpClientGen.Tests.Support;

/// <summary>
/// The client-credentials engine as <see cref="McpConnection.Create"/> builds it (options validated, one
/// <see cref="Backchannel"/>, one <see cref="ClientCredentialsTokenProvider"/>), on a clock the test controls.
/// </summary>
internal sealed class TokenEngine : IDisposable
{
    private readonly Backchannel _backchannel;

    public TokenEngine(McpConnectionOptions options, FakeClock clock)
    {
        options.Validate();
        Options = options;
        Clock = clock;
        _backchannel = new Backchannel(options, clock, NullLogger.Instance);
        Provider = new ClientCredentialsTokenProvider(options, _backchannel, clock, NullLogger.Instance);
    }

    public McpConnectionOptions Options { get; }

    public FakeClock Clock { get; }

    public ClientCredentialsTokenProvider Provider { get; }

    /// <summary>A token; fails the test when the engine found no protected-resource metadata.</summary>
    public async Task<AccessToken> TokenAsync() =>
        await Provider.GetTokenAsync(CancellationToken.None).AsTask().Within() ?? throw new Xunit.Sdk.XunitException("The engine returned no token.");

    /// <summary>A token, firing every retry delay as soon as it starts (the per-attempt timeout never fires).</summary>
    public Task<AccessToken> TokenThroughRetriesAsync() => Clock.CompleteAsync(TokenAsync(), IsRetryDelay);

    /// <summary>Whether a timer is Polly's delay before a retry: any timer but the per-attempt timeout.</summary>
    public bool IsRetryDelay(PendingTimer timer) => timer.DueTime != Options.TokenRequestTimeout;

    /// <summary>Moves the clock a day on, past the life of every token these tests are issued.</summary>
    public void ExpireTokens() => Clock.Advance(TimeSpan.FromDays(1));

    public void Dispose() => _backchannel.Dispose();
}
