using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace McpClientGen;

/// <summary>
/// Guards the engine from its <see cref="IMcpSharedTokenStore"/>: every call is bounded by <paramref name="callTimeout"/> (<see cref="McpConnectionOptions.SharedTokenStoreTimeout"/>)
/// (a wait for the lease holder's token by its own timeout on top), and a call that fails, times out or throws answers
/// as an empty store would, so a store can only save token requests, never fail one. After a failure the store is left
/// alone for <see cref="BreakDuration"/> (a circuit breaker: a store that is down is not asked on every acquisition),
/// then tried again. One warning is logged per outage and one line when the store answers again, not one per call.
/// Each call is a span (<see cref="SharedStoreOperation"/>) tagged with its outcome.
/// </summary>
/// <remarks>A failed or timed-out lease attempt answers with a lease that holds nothing, so the process requests its own token.</remarks>
internal sealed class ResilientSharedTokenStore(IMcpSharedTokenStore inner, TimeSpan callTimeout, TimeProvider timeProvider, ILogger logger) : IMcpSharedTokenStore
{

    /// <summary>The most a store call may take before the engine goes on without it.</summary>
    private TimeSpan CallTimeout => callTimeout;

    /// <summary>How long the store is left alone after a failure.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private bool _inOutage;
    private long _failures;
    private long _retryAtTicks;

    public ValueTask<SharedTokenEntry?> GetAsync(SharedTokenKey key, CancellationToken cancellationToken) =>
        GuardAsync(SharedStoreOperation.Get, token => inner.GetAsync(key, token), fallback: null, callTimeout, cancellationToken);

    public async ValueTask SetAsync(SharedTokenKey key, SharedTokenEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        await GuardAsync(SharedStoreOperation.Set, token => Done(inner.SetAsync(key, entry, timeToLive, token)), fallback: false, callTimeout, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IAsyncDisposable?> TryAcquireLeaseAsync(SharedTokenKey key, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        var lease = await GuardAsync<IAsyncDisposable?>(
            SharedStoreOperation.Lease, token => inner.TryAcquireLeaseAsync(key, leaseTime, token), NoLease.Instance, callTimeout, cancellationToken).ConfigureAwait(false);
        return lease is null or NoLease ? lease : new GuardedLease(this, lease);
    }

    public ValueTask<SharedTokenEntry?> WaitForEntryAsync(SharedTokenKey key, string? seenValueHash, TimeSpan timeout, CancellationToken cancellationToken) =>
        GuardAsync(SharedStoreOperation.Wait, token => inner.WaitForEntryAsync(key, seenValueHash, timeout, token), fallback: null, timeout + callTimeout, cancellationToken);

    public async ValueTask RemoveIfAsync(SharedTokenKey key, string valueHash, CancellationToken cancellationToken) =>
        await GuardAsync(SharedStoreOperation.Remove, token => Done(inner.RemoveIfAsync(key, valueHash, token)), fallback: false, callTimeout, cancellationToken).ConfigureAwait(false);

    private static async ValueTask<bool> Done(ValueTask call)
    {
        await call.ConfigureAwait(false);
        return true;
    }

    /// <param name="operation">What is called, for the span, the failure counter and the warning.</param>
    /// <param name="call">The store call, given a token that is cancelled when the guard stops waiting for it.</param>
    /// <param name="fallback">The answer when the store cannot give one: what an empty store would say.</param>
    /// <param name="timeout">How long the call may take.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <param name="evenDuringBreak">
    /// Makes the call during a break too: releasing a lease, which would otherwise hold the fleet's acquisitions up until
    /// it expires, merely because another call failed meanwhile.
    /// </param>
    private async ValueTask<T> GuardAsync<T>(
        SharedStoreOperation operation,
        Func<CancellationToken, ValueTask<T>> call,
        T fallback,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        bool evenDuringBreak = false)
    {
        using var activity = McpClientGenTelemetry.Source.StartActivity(operation.SpanName, ActivityKind.Client);
        if (!evenDuringBreak && timeProvider.GetUtcNow().UtcTicks < Volatile.Read(ref _retryAtTicks))
        {
            activity?.SetTag(SharedStoreOperation.OutcomeTag, "circuit_open");
            return fallback;
        }

        var failuresBefore = Volatile.Read(ref _failures);

        // Cancelled when the guard gives up on the call, so a store does not go on waiting or polling for no one.
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<T>? pending = null;
        try
        {
            var started = call(giveUp.Token);

            // A store that answers at once (an in-memory one, a cached answer) costs no timer.
            var result = started.IsCompleted ? started.Result : await (pending = started.AsTask()).WaitAsync(timeout, timeProvider, cancellationToken).ConfigureAwait(false);
            activity?.SetTag(SharedStoreOperation.OutcomeTag, operation.OutcomeOf(result));

            // A release made during a break is no probe: a store slow only now and then would log an outage per acquisition.
            if (!evenDuringBreak)
            {
                Answered(failuresBefore);
            }

            return result;
        }
        catch (Exception exception)
        {
            Abandon(pending, giveUp);
            var canceled = cancellationToken.IsCancellationRequested;
            activity?.SetTag(SharedStoreOperation.OutcomeTag, canceled ? "canceled" : exception is TimeoutException ? "timeout" : "failed");
            if (canceled)
            {
                throw;
            }

            // The exception's type only, here and in the warning: a store's message may quote its connection string.
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            Failed(operation, exception);
            return fallback;
        }
    }

    /// <summary>Lets a call the guard no longer waits for end on its own: told to stop, a lease it takes after all released, a failure observed.</summary>
    private static void Abandon<T>(Task<T>? pending, CancellationTokenSource giveUp)
    {
        if (pending is null)
        {
            return;
        }

        // A call can also have completed just as the caller cancelled: its lease is released all the same.
        if (!pending.IsCompleted)
        {
            giveUp.Cancel();
        }

        _ = pending.ContinueWith(
            static late =>
            {
                if (late.IsFaulted)
                {
                    _ = late.Exception;
                }
                else if (late.IsCompletedSuccessfully && late.Result is IAsyncDisposable lease)
                {
                    _ = lease.DisposeAsync().AsTask().ContinueWith(static release => _ = release.Exception, TaskContinuationOptions.OnlyOnFaulted);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
    }

    /// <summary>
    /// Ends an outage, if the call that answered began after the last failure: a call already under way when the store
    /// failed proves nothing about it now, and taking its answer for a recovery would log the same outage twice.
    /// </summary>
    private void Answered(long failuresBefore)
    {
        lock (_gate)
        {
            if (!_inOutage || _failures != failuresBefore)
            {
                return;
            }

            _inOutage = false;
            Volatile.Write(ref _retryAtTicks, 0);
        }

        AuthLog.SharedStoreRecovered(logger);
    }

    private void Failed(SharedStoreOperation operation, Exception exception)
    {
        McpClientGenTelemetry.SharedStoreFailures.Add(1, new KeyValuePair<string, object?>("operation", operation.Name));
        lock (_gate)
        {
            _failures++;
            Volatile.Write(ref _retryAtTicks, (timeProvider.GetUtcNow() + BreakDuration).UtcTicks);
            if (_inOutage)
            {
                return;
            }

            _inOutage = true;
        }

        AuthLog.SharedStoreUnavailable(logger, operation.Name, exception is TimeoutException ? "timed out" : exception.GetType().Name, BreakDuration);
    }

    /// <summary>The answer to a lease attempt the store could not make: the process goes on as if it held the lease.</summary>
    private sealed class NoLease : IAsyncDisposable
    {
        public static NoLease Instance { get; } = new();

        public ValueTask DisposeAsync() => default;
    }

    /// <summary>A lease whose release is guarded like any other store call, and made even during a break.</summary>
    private sealed class GuardedLease(ResilientSharedTokenStore guard, IAsyncDisposable lease) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await guard.GuardAsync(SharedStoreOperation.Release, _ => Done(lease.DisposeAsync()), fallback: false, guard.CallTimeout, CancellationToken.None, evenDuringBreak: true)
                .ConfigureAwait(false);
    }
}
