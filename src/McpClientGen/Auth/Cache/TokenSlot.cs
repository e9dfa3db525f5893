using Microsoft.Extensions.Logging;

namespace McpClientGen;

/// <summary>
/// The first level of the token cache for one <see cref="TokenCacheKey"/>: the current token, at most one
/// acquisition in flight (every caller that needs a token meanwhile shares it), and the background refresh that
/// replaces the token before callers would have to wait. An acquisition takes a fresh token from the second level
/// (the <see cref="IMcpSharedTokenStore"/> of a fleet, through <see cref="SharedTokenTier"/>) when it has one; otherwise
/// one process of the fleet, the lease holder, requests it and stores it there while the others wait for it.
/// </summary>
/// <remarks>
/// The path every MCP request takes does not come through here while the token is fresh:
/// <see cref="ClientCredentialsTokenProvider.GetTokenAsync"/> reads <see cref="Current"/> without a lock.
/// <see cref="GetAsync"/> is for callers that found no usable token there, and for a step-up's new scope set.
/// </remarks>
internal sealed class TokenSlot(
    TokenCacheKey key, Func<Task<AccessToken>> requestToken, SharedTokenTier? shared, TimeProvider timeProvider, ILogger logger)
{
    private readonly object _gate = new();
    private AccessToken? _current;
    private AccessToken? _rejected;
    private Task<AccessToken>? _inFlight;
    private DateTimeOffset _nextRefreshAttempt;

    public TokenCacheKey Key => key;

    /// <summary>The latest token, whether or not it is still usable.</summary>
    public AccessToken? Current => Volatile.Read(ref _current);

    /// <summary>A usable token: the current one, or the one the acquisition in flight brings.</summary>
    public Task<AccessToken> GetAsync()
    {
        lock (_gate)
        {
            if (_current is { } current && timeProvider.GetUtcNow() < current.UsableUntil)
            {
                return Task.FromResult(current);
            }

            // The acquisition is not tied to any one caller's cancellation: a caller that gives up must not fail the
            // others waiting on it.
            return _inFlight ??= AcquireAsync();
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
            refresh = _inFlight = AcquireAsync();
        }

        // Failures are logged by the acquisition itself; observing the task keeps them out of UnobservedTaskException.
        _ = refresh.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>
    /// Drops <paramref name="rejected"/>; a newer token, fetched meanwhile by a concurrent caller, is kept. The rejected
    /// token is removed from the second level too, unless a newer one replaced it there, and never taken back from it:
    /// also when this process had already moved on to a newer token (a late 401), since the store may still hold the
    /// rejected one (its replacement was not stored during an outage) and would hand it to the other processes.
    /// </summary>
    public void Invalidate(AccessToken rejected)
    {
        lock (_gate)
        {
            // N concurrent rejections of one token: one removal.
            if (ReferenceEquals(_rejected, rejected))
            {
                return;
            }

            if (ReferenceEquals(_current, rejected))
            {
                _current = null;
            }
            else if (!string.Equals(rejected.RequestedScopes, key.Scopes, StringComparison.Ordinal))
            {
                // Another scope set's token: not this slot's to remove.
                return;
            }

            _rejected = rejected;
        }

        if (shared is not null)
        {
            // The store is guarded (it never throws); the caller's retry must not wait for the removal.
            _ = shared.RemoveAsync(rejected).AsTask();
        }
    }

    private async Task<AccessToken> AcquireAsync()
    {
        // Callers start this under the lock and store the task as _inFlight before they leave it. Yielding first
        // keeps the work (the token request, its signing included) out of that lock, and makes a failure that happens
        // at once clear _inFlight after it was stored, rather than before, which would leave a failed task in it.
        await Task.Yield();
        try
        {
            var token = shared is null ? await requestToken().ConfigureAwait(false) : await ObtainSharedAsync(shared).ConfigureAwait(false);
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

    /// <summary>
    /// The fleet's token: the stored one when usable; else, for the process that takes the lease, one it requests and
    /// stores; else the one the lease holder stores. A wait lasts at most <see cref="SharedTokenTier.LeaseTime"/> (less
    /// when the store sees the lease released), after which the lease is tried again: a holder that crashed has let it
    /// expire, and the process that takes it over makes the fleet's one request. A holder that keeps its lease (still
    /// requesting, its store renewing the lease) is waited for up to <see cref="SharedTokenTier.WaitLimit"/> in all; then
    /// the process requests its own token.
    /// </summary>
    private async Task<AccessToken> ObtainSharedAsync(SharedTokenTier tier)
    {
        var seen = await tier.GetAsync().ConfigureAwait(false);
        var giveUpAt = timeProvider.GetUtcNow() + tier.WaitLimit;

        // A store that answered every wait at once would otherwise spin until the limit: one round per lease time, and one more.
        var rounds = (int)Math.Min(100, tier.WaitLimit.Ticks / tier.LeaseTime.Ticks + 1);
        for (var round = 1; ; round++)
        {
            if (Usable(seen) is { } stored)
            {
                return stored;
            }

            var lease = await tier.TryAcquireLeaseAsync().ConfigureAwait(false);
            if (lease is not null)
            {
                await using (lease.ConfigureAwait(false))
                {
                    // The previous holder may have stored its token between the read above and this lease.
                    return Usable(await tier.GetAsync().ConfigureAwait(false)) ?? await RequestAndShareAsync(tier).ConfigureAwait(false);
                }
            }

            var left = giveUpAt - timeProvider.GetUtcNow();
            if (left <= TimeSpan.Zero || round > rounds)
            {
                McpClientGenTelemetry.SharedLeaseTimeouts.Add(1);
                AuthLog.SharedLeaseWaitTimedOut(logger, key.ClientId, tier.WaitLimit);
                return await RequestAndShareAsync(tier).ConfigureAwait(false);
            }

            McpClientGenTelemetry.SharedLeaseWaits.Add(1);
            var delivered = await tier.WaitForEntryAsync(seen, left < tier.LeaseTime ? left : tier.LeaseTime).ConfigureAwait(false);
            seen = delivered ?? seen;
        }
    }

    /// <summary>
    /// <paramref name="shared"/> if it is not yet due for refresh (an older one would only start another refresh) and is
    /// not the one this slot saw rejected.
    /// </summary>
    private AccessToken? Usable(AccessToken? shared)
    {
        if (shared is null
            || timeProvider.GetUtcNow() >= shared.RefreshAt
            || string.Equals(shared.Value, Volatile.Read(ref _rejected)?.Value, StringComparison.Ordinal))
        {
            return null;
        }

        AuthLog.SharedTokenTaken(logger, key.ClientId);
        McpClientGenTelemetry.SharedTokenHits.Add(1);
        return shared;
    }

    private async Task<AccessToken> RequestAndShareAsync(SharedTokenTier tier)
    {
        var token = await requestToken().ConfigureAwait(false);
        await tier.SetAsync(token, timeProvider.GetUtcNow()).ConfigureAwait(false);
        return token;
    }
}
