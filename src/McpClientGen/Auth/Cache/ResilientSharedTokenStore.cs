using Microsoft.Extensions.Logging;

namespace McpClientGen;

/// <summary>
/// Guards the engine from its <see cref="IMcpSharedTokenStore"/>: every call is bounded by <see cref="CallTimeout"/>
/// (a wait for the lease holder's token by its own timeout on top), and a call that fails, times out or throws answers
/// as an empty store would, so a store can only save token requests, never fail one. After a failure the store is left
/// alone for <see cref="BreakDuration"/> (a circuit breaker: a store that is down is not asked on every acquisition),
/// then tried again. One warning is logged per outage and one line when the store answers again, not one per call.
/// </summary>
/// <remarks>A failed or timed-out lease attempt answers with a lease that holds nothing, so the process requests its own token.</remarks>
internal sealed class ResilientSharedTokenStore(IMcpSharedTokenStore inner, TimeProvider timeProvider, ILogger logger) : IMcpSharedTokenStore
{
    /// <summary>The most a store call may take before the engine goes on without it.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>How long the store is left alone after a failure.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private bool _inOutage;
    private long _retryAtTicks;

    public ValueTask<SharedTokenEntry?> GetAsync(SharedTokenKey key, CancellationToken cancellationToken) =>
        GuardAsync(nameof(GetAsync), token => inner.GetAsync(key, token), fallback: null, CallTimeout, cancellationToken);

    public async ValueTask SetAsync(SharedTokenKey key, SharedTokenEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        await GuardAsync(nameof(SetAsync), token => Done(inner.SetAsync(key, entry, timeToLive, token)), fallback: false, CallTimeout, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IAsyncDisposable?> TryAcquireLeaseAsync(SharedTokenKey key, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        var lease = await GuardAsync<IAsyncDisposable?>(
            nameof(TryAcquireLeaseAsync), token => inner.TryAcquireLeaseAsync(key, leaseTime, token), NoLease.Instance, CallTimeout, cancellationToken).ConfigureAwait(false);
        return lease is null or NoLease ? lease : new GuardedLease(this, lease);
    }

    public ValueTask<SharedTokenEntry?> WaitForEntryAsync(SharedTokenKey key, string? seenValueHash, TimeSpan timeout, CancellationToken cancellationToken) =>
        GuardAsync(nameof(WaitForEntryAsync), token => inner.WaitForEntryAsync(key, seenValueHash, timeout, token), fallback: null, timeout + CallTimeout, cancellationToken);

    public async ValueTask RemoveIfAsync(SharedTokenKey key, string valueHash, CancellationToken cancellationToken) =>
        await GuardAsync(nameof(RemoveIfAsync), token => Done(inner.RemoveIfAsync(key, valueHash, token)), fallback: false, CallTimeout, cancellationToken).ConfigureAwait(false);

    private static async ValueTask<bool> Done(ValueTask call)
    {
        await call.ConfigureAwait(false);
        return true;
    }

    private async ValueTask<T> GuardAsync<T>(string operation, Func<CancellationToken, ValueTask<T>> call, T fallback, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeProvider.GetUtcNow().UtcTicks < Volatile.Read(ref _retryAtTicks))
        {
            return fallback;
        }

        Task<T>? pending = null;
        try
        {
            var started = call(cancellationToken);

            // A store that answers at once (an in-memory one, a cached answer) costs no timer.
            var result = started.IsCompleted ? started.Result : await (pending = started.AsTask()).WaitAsync(timeout, timeProvider, cancellationToken).ConfigureAwait(false);
            Answered();
            return result;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            if (pending is { IsCompleted: false })
            {
                // The call goes on without us: a lease it takes after all is released, a failure observed.
                _ = pending.ContinueWith(static (late, _) => Abandon(late), null, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }

            Failed(operation, exception);
            return fallback;
        }
    }

    private static void Abandon<T>(Task<T> late)
    {
        if (late.IsFaulted)
        {
            _ = late.Exception;
        }
        else if (late.IsCompletedSuccessfully && late.Result is IAsyncDisposable lease)
        {
            _ = lease.DisposeAsync().AsTask().ContinueWith(static release => _ = release.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }
    }

    private void Answered()
    {
        lock (_gate)
        {
            if (!_inOutage)
            {
                return;
            }

            _inOutage = false;
        }

        AuthLog.SharedStoreRecovered(logger);
    }

    private void Failed(string operation, Exception exception)
    {
        McpClientGenTelemetry.SharedStoreFailures.Add(1, new KeyValuePair<string, object?>("operation", operation));
        lock (_gate)
        {
            Volatile.Write(ref _retryAtTicks, (timeProvider.GetUtcNow() + BreakDuration).UtcTicks);
            if (_inOutage)
            {
                return;
            }

            _inOutage = true;
        }

        // The exception's type only: a store's message may quote its connection string.
        AuthLog.SharedStoreUnavailable(logger, operation, exception is TimeoutException ? "timed out" : exception.GetType().Name, BreakDuration);
    }

    /// <summary>The answer to a lease attempt the store could not make: the process goes on as if it held the lease.</summary>
    private sealed class NoLease : IAsyncDisposable
    {
        public static NoLease Instance { get; } = new();

        public ValueTask DisposeAsync() => default;
    }

    /// <summary>A lease whose release is guarded like any other store call.</summary>
    private sealed class GuardedLease(ResilientSharedTokenStore guard, IAsyncDisposable lease) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await guard.GuardAsync("ReleaseLease", _ => Done(lease.DisposeAsync()), fallback: false, CallTimeout, CancellationToken.None).ConfigureAwait(false);
    }
}
