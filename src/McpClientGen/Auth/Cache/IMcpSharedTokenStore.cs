namespace McpClientGen;

/// <summary>
/// A token store that the processes of a fleet share (Redis, in the <c>McpClientGen.Redis</c> package), behind each
/// process's own token cache. A process consults it only when it has no fresh token of its own (the first call, a
/// refresh, a rejected token), never on the path that serves a fresh token, so the store can delay a token acquisition
/// but never a call that already has a token.
/// </summary>
/// <remarks>
/// <para>
/// Cross-process single-flight runs through leases: a process that finds no usable entry takes the key's lease; the one
/// that gets it requests the token, stores it and releases the lease, while the others wait for the entry it stores
/// (<see cref="WaitForEntryAsync"/>) and request their own only if none comes in time. A lease must expire on its own,
/// so a holder that crashed does not hold the fleet up for longer than the lease time; a store should renew the lease
/// of a holder that has not released it yet, as its token request may take longer than that (retries, a throttling
/// server's Retry-After).
/// </para>
/// <para>
/// A store that is down, slow or answering nonsense may throw, or answer "nothing stored" and drop writes: the engine
/// wraps every store in a guard that bounds each call's time (<see cref="McpConnectionOptions.SharedTokenStoreTimeout"/>)
/// and turns a failure into that answer, with one warning per outage, so a store can save token requests but never
/// fail a call. An exception's message is never logged (it may quote a connection string). Entries hold live access
/// tokens: a store that persists them should encrypt them, and must never log them.
/// </para>
/// </remarks>
public interface IMcpSharedTokenStore
{
    /// <summary>The entry stored under <paramref name="key"/>, or <see langword="null"/>. It may be stale: the engine checks.</summary>
    /// <param name="key">Which client, scopes and resource the token is for.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<SharedTokenEntry?> GetAsync(SharedTokenKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a token just issued, in place of any stored before, and wakes the processes waiting in
    /// <see cref="WaitForEntryAsync"/> for <paramref name="key"/>.
    /// </summary>
    /// <param name="key">Which client, scopes and resource the token is for.</param>
    /// <param name="entry">The token and its times.</param>
    /// <param name="timeToLive">How long the entry may be kept: the time the token remains usable.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask SetAsync(SharedTokenKey key, SharedTokenEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the lease on <paramref name="key"/> if no one holds it: the right to request the key's token for the fleet.
    /// Disposing the lease releases it, and only it (a lease that expired and was taken by another process meanwhile is
    /// left alone).
    /// </summary>
    /// <param name="key">Which client, scopes and resource the token is for.</param>
    /// <param name="leaseTime">How long the lease lasts if it is neither released nor renewed.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The lease, or <see langword="null"/> when another process holds it.</returns>
    ValueTask<IAsyncDisposable?> TryAcquireLeaseAsync(SharedTokenKey key, TimeSpan leaseTime, CancellationToken cancellationToken);

    /// <summary>
    /// Waits for an entry under <paramref name="key"/> other than the one already seen (its
    /// <see cref="SharedTokenEntry.ValueHash"/> is <paramref name="seenValueHash"/>): the token the lease holder stores.
    /// Answers at once when such an entry is there, else when one is stored (by notification, or by polling when the
    /// store has none), else with <see langword="null"/> once <paramref name="timeout"/> has passed, or earlier when it sees
    /// that no process holds the key's lease any more (the holder released it without storing, or crashed and its lease
    /// expired): the engine then tries the lease itself.
    /// </summary>
    /// <param name="key">Which client, scopes and resource the token is for.</param>
    /// <param name="seenValueHash">The hash of the stale or rejected entry the caller saw, or <see langword="null"/> when it saw none.</param>
    /// <param name="timeout">How long to wait at most.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    ValueTask<SharedTokenEntry?> WaitForEntryAsync(SharedTokenKey key, string? seenValueHash, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the entry under <paramref name="key"/> if it holds the token whose <see cref="SharedTokenEntry.ValueHash"/>
    /// is <paramref name="valueHash"/> (one a server rejected), and leaves a newer token alone: a compare-and-delete.
    /// </summary>
    /// <param name="key">Which client, scopes and resource the token is for.</param>
    /// <param name="valueHash">The <see cref="SharedTokenEntry.ValueHash"/> of the rejected token.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    ValueTask RemoveIfAsync(SharedTokenKey key, string valueHash, CancellationToken cancellationToken);
}
