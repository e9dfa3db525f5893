namespace McpClientGen.Tests.Support;

/// <summary>
/// A shared token store in front of another, where a test steps into each call before it reaches the store behind:
/// to fail it (throw), hold it (await something), or see the cancellation token the guard gave it; and where it sees
/// the leases it handed out released.
/// </summary>
internal sealed class InterposingSharedTokenStore(IMcpSharedTokenStore inner) : IMcpSharedTokenStore
{
    /// <summary>Runs before each call reaches the store behind, with the operation's name (<c>get</c>, <c>set</c>, <c>lease</c>, <c>wait</c>, <c>remove</c>).</summary>
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<string, SharedTokenKey, CancellationToken, Task> Before { get; set; } = static (_, _, _) => Task.CompletedTask;

    /// <summary>Completes when a lease handed out through this store has been released.</summary>
    public Task LeaseReleased => _released.Task;

    public async ValueTask<SharedTokenEntry?> GetAsync(SharedTokenKey key, CancellationToken cancellationToken)
    {
        await Before("get", key, cancellationToken);
        return await inner.GetAsync(key, cancellationToken);
    }

    public async ValueTask SetAsync(SharedTokenKey key, SharedTokenEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        await Before("set", key, cancellationToken);
        await inner.SetAsync(key, entry, timeToLive, cancellationToken);
    }

    public async ValueTask<IAsyncDisposable?> TryAcquireLeaseAsync(SharedTokenKey key, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        await Before("lease", key, cancellationToken);
        return await inner.TryAcquireLeaseAsync(key, leaseTime, cancellationToken) is { } lease ? new ObservedLease(this, lease) : null;
    }

    public async ValueTask<SharedTokenEntry?> WaitForEntryAsync(SharedTokenKey key, string? seenValueHash, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await Before("wait", key, cancellationToken);
        return await inner.WaitForEntryAsync(key, seenValueHash, timeout, cancellationToken);
    }

    public async ValueTask RemoveIfAsync(SharedTokenKey key, string valueHash, CancellationToken cancellationToken)
    {
        await Before("remove", key, cancellationToken);
        await inner.RemoveIfAsync(key, valueHash, cancellationToken);
    }

    private sealed class ObservedLease(InterposingSharedTokenStore store, IAsyncDisposable lease) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await lease.DisposeAsync();
            store._released.TrySetResult();
        }
    }
}
