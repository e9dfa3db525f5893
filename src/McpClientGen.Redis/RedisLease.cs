using StackExchange.Redis;

namespace McpClientGen.Redis;

/// <summary>
/// A lease this process holds: the lease key holds <paramref name="holder"/>, a random id of this holding alone.
/// Releasing deletes the key only while it still holds that id, so a lease that expired and was taken by another
/// process meanwhile is left alone.
/// </summary>
internal sealed class RedisLease(IDatabase database, RedisKey lease, RedisValue holder) : IAsyncDisposable
{
    private int _released;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            await RedisScripts.DeleteIfEqualAsync(database, lease, holder).ConfigureAwait(false);
        }
    }
}
