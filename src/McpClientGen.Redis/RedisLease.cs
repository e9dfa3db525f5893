using StackExchange.Redis;

namespace McpClientGen.Redis;

/// <summary>
/// A lease this process holds: the lease key holds <c>holder</c>, a random id of this holding alone. While held, it is
/// renewed every third of the lease time, so a token request that outlasts the lease time (retries, Retry-After) keeps
/// the others waiting rather than starting requests of their own; a holder that dies stops renewing, and its lease
/// expires within one lease time. Renewing and releasing act on the key only while it still holds that id, so a lease
/// that expired and was taken by another process meanwhile is left alone.
/// </summary>
internal sealed class RedisLease : IAsyncDisposable
{
    /// <summary>The message announcing a released lease: waiters stop waiting for a token that may never come.</summary>
    private static readonly RedisValue Released = "released";

    private readonly IDatabase _database;
    private readonly ISubscriber _subscriber;
    private readonly RedisKeys _keys;
    private readonly RedisValue _holder;
    private readonly CancellationTokenSource _stopRenewing = new();
    private int _released;

    public RedisLease(IDatabase database, ISubscriber subscriber, RedisKeys keys, RedisValue holder, TimeSpan leaseTime, TimeProvider timeProvider)
    {
        _database = database;
        _subscriber = subscriber;
        _keys = keys;
        _holder = holder;
        Renewal = RenewAsync(leaseTime, timeProvider);
    }

    /// <summary>The renewal loop; it ends when the lease is released or a renewal fails or is refused, and never faults.</summary>
    internal Task Renewal { get; }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        // Stopped first: a renewal landing after the release would not matter (the key is gone), but one landing before
        // the delete must not be in flight while we compare.
        await _stopRenewing.CancelAsync().ConfigureAwait(false);
        await Renewal.ConfigureAwait(false);
        _stopRenewing.Dispose();
        if (await RedisScripts.DeleteIfEqualAsync(_database, _keys.Lease, _holder).ConfigureAwait(false))
        {
            await _subscriber.PublishAsync(_keys.Ready, Released).ConfigureAwait(false);
        }
    }

    private async Task RenewAsync(TimeSpan leaseTime, TimeProvider timeProvider)
    {
        try
        {
            do
            {
                await Task.Delay(leaseTime / 3, timeProvider, _stopRenewing.Token).ConfigureAwait(false);
            }
            while (await RedisScripts.ExpireIfEqualAsync(_database, _keys.Lease, _holder, leaseTime).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or RedisException or RedisTimeoutException or RedisCommandException)
        {
            // Released, or Redis failed: either way nothing is left to renew, and nobody awaits this loop to report to.
            // Without renewal the lease expires on its own, as a dead holder's does.
        }
    }
}
