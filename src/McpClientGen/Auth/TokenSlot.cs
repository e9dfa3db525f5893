using Microsoft.Extensions.Logging;

namespace McpClientGen;

/// <summary>
/// The token for one <see cref="TokenCacheKey"/>: the current token, at most one request in flight (which every
/// caller shares), and the background refresh that replaces the token before callers would have to wait.
/// </summary>
internal sealed class TokenSlot(TokenCacheKey key, Func<Task<AccessToken>> requestToken, TimeProvider timeProvider, ILogger logger)
{
    private readonly object _gate = new();
    private AccessToken? _current;
    private Task<AccessToken>? _inFlight;
    private DateTimeOffset _nextRefreshAttempt;

    public TokenCacheKey Key => key;

    /// <summary>The request in flight, if any; tests wait on it instead of on the clock.</summary>
    internal Task<AccessToken>? InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>The latest token, whether or not it is still usable.</summary>
    public AccessToken? Current => Volatile.Read(ref _current);

    /// <summary>A usable token: the current one, or the one a shared request brings.</summary>
    public Task<AccessToken> GetAsync()
    {
        lock (_gate)
        {
            if (_current is { } current && timeProvider.GetUtcNow() < current.UsableUntil)
            {
                return Task.FromResult(current);
            }

            // The shared request is not tied to any one caller's cancellation: a caller that gives up must not
            // fail the others waiting on the same request.
            return _inFlight ??= RequestAsync();
        }
    }

    /// <summary>
    /// Starts fetching a replacement while the current token is still sent. One refresh at a time; after a failed
    /// one, the next waits a little, so a struggling authorization server is not asked on every call.
    /// </summary>
    public void RefreshInBackground()
    {
        Task<AccessToken> refresh;
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            if (_inFlight is not null || now < _nextRefreshAttempt)
            {
                return;
            }

            AuthLog.RefreshingAhead(logger, key.ClientId);
            McpClientGenTelemetry.TokenRefreshes.Add(1);
            refresh = _inFlight = RequestAsync();
        }

        // Failures are logged by the request itself; observing the task keeps them out of UnobservedTaskException.
        _ = refresh.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>Drops <paramref name="rejected"/>; a newer token, fetched meanwhile by a concurrent caller, is kept.</summary>
    public void Invalidate(AccessToken rejected)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_current, rejected))
            {
                _current = null;
            }
        }
    }

    private async Task<AccessToken> RequestAsync()
    {
        // Never runs on under the caller's lock: the request (signing included) starts after the slot has stored this
        // task, so even a failure that happens at once clears the slot instead of being kept in it.
        await Task.Yield();
        try
        {
            var token = await requestToken().ConfigureAwait(false);
            lock (_gate)
            {
                _current = token;
                _inFlight = null;
            }

            AuthLog.TokenReceived(logger, key.ClientId, token.ExpiresAt, token.RefreshAt);
            return token;
        }
        catch (Exception exception)
        {
            lock (_gate)
            {
                _inFlight = null;
                var lifetime = _current is { } current ? current.ExpiresAt - current.IssuedAt : TimeSpan.FromMinutes(5);
                _nextRefreshAttempt = timeProvider.GetUtcNow() + TimeSpan.FromTicks(Math.Min(lifetime.Ticks / 20, TimeSpan.FromSeconds(30).Ticks));
            }

            AuthLog.TokenRequestFailed(logger, key.ClientId, exception.Message);
            throw;
        }
    }
}
