using System.Threading.Channels;

namespace McpClientGen.Tests.Support;

/// <summary>
/// A fleet's shared token store in memory, with the semantics the Redis store has: entries that expire after their
/// time to live, leases that only their holder releases and that expire on their own, waiters woken by the next write,
/// compare-and-delete. Engines given the same instance share it as processes share Redis. It records what the engines
/// read, store and lease, so tests can assert on the traffic.
/// </summary>
internal sealed class InMemorySharedTokenStore(TimeProvider? timeProvider = null) : IMcpSharedTokenStore
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly object _gate = new();
    private readonly Dictionary<SharedTokenKey, (SharedTokenEntry Entry, DateTimeOffset Until)> _entries = [];
    private readonly Dictionary<SharedTokenKey, (Guid Holder, DateTimeOffset Until)> _leases = [];
    private readonly Dictionary<SharedTokenKey, TaskCompletionSource<SharedTokenEntry>> _nextWrite = [];
    private readonly List<SharedTokenKey> _reads = [];
    private readonly List<(SharedTokenKey Key, SharedTokenEntry Entry)> _writes = [];
    private readonly Channel<SharedTokenEntry> _written = Channel.CreateUnbounded<SharedTokenEntry>();
    private int _leasesGranted;

    /// <summary>The keys looked up by <see cref="GetAsync"/>, in order.</summary>
    public IReadOnlyList<SharedTokenKey> Reads => Locked(() => _reads.ToList());

    /// <summary>The entries stored, in order.</summary>
    public IReadOnlyList<(SharedTokenKey Key, SharedTokenEntry Entry)> Writes => Locked(() => _writes.ToList());

    /// <summary>How many leases were granted.</summary>
    public int LeasesGranted => Volatile.Read(ref _leasesGranted);

    /// <summary>The entry stored under <paramref name="key"/> now, without recording a read.</summary>
    public SharedTokenEntry? Peek(SharedTokenKey key) => Locked(() => Live(key));

    public ValueTask<SharedTokenEntry?> GetAsync(SharedTokenKey key, CancellationToken cancellationToken) =>
        new(Locked(() =>
        {
            _reads.Add(key);
            return Live(key);
        }));

    public ValueTask SetAsync(SharedTokenKey key, SharedTokenEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        TaskCompletionSource<SharedTokenEntry>? waiters;
        lock (_gate)
        {
            _entries[key] = (entry, _time.GetUtcNow() + timeToLive);
            _writes.Add((key, entry));
            _nextWrite.Remove(key, out waiters);
        }

        waiters?.TrySetResult(entry);
        _written.Writer.TryWrite(entry);
        return default;
    }

    public ValueTask<IAsyncDisposable?> TryAcquireLeaseAsync(SharedTokenKey key, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        var holder = Guid.NewGuid();
        lock (_gate)
        {
            if (_leases.TryGetValue(key, out var held) && _time.GetUtcNow() < held.Until)
            {
                return new ValueTask<IAsyncDisposable?>((IAsyncDisposable?)null);
            }

            _leases[key] = (holder, _time.GetUtcNow() + leaseTime);
        }

        Interlocked.Increment(ref _leasesGranted);
        return new ValueTask<IAsyncDisposable?>(new Lease(this, key, holder));
    }

    public async ValueTask<SharedTokenEntry?> WaitForEntryAsync(SharedTokenKey key, string? seenValueHash, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task<SharedTokenEntry> next;
        lock (_gate)
        {
            if (Live(key) is { } stored && stored.ValueHash != seenValueHash)
            {
                return stored;
            }

            if (!_nextWrite.TryGetValue(key, out var waiters))
            {
                _nextWrite[key] = waiters = new TaskCompletionSource<SharedTokenEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            next = waiters.Task;
        }

        try
        {
            return await next.WaitAsync(timeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public ValueTask RemoveIfAsync(SharedTokenKey key, string valueHash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var stored) && stored.Entry.ValueHash == valueHash)
            {
                _entries.Remove(key);
            }
        }

        return default;
    }

    /// <summary>The next entry stored, counting from the first ever (each is handed out once); fails after <see cref="Bounded.Limit"/>.</summary>
    public async Task<SharedTokenEntry> NextWriteAsync()
    {
        try
        {
            return await _written.Reader.ReadAsync().AsTask().Within();
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The engine stored no further token in the shared store; it stored {Writes.Count} in all.");
        }
    }

    /// <summary>The unexpired entry under <paramref name="key"/>. Call under the lock.</summary>
    private SharedTokenEntry? Live(SharedTokenKey key) =>
        _entries.TryGetValue(key, out var stored) && _time.GetUtcNow() < stored.Until ? stored.Entry : null;

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    /// <summary>A lease that releases only itself: once expired and taken by another holder, it is not theirs to drop.</summary>
    private sealed class Lease(InMemorySharedTokenStore store, SharedTokenKey key, Guid holder) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            lock (store._gate)
            {
                if (store._leases.TryGetValue(key, out var held) && held.Holder == holder)
                {
                    store._leases.Remove(key);
                }
            }

            return default;
        }
    }
}
