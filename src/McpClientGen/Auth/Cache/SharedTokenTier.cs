namespace McpClientGen;

/// <summary>
/// One <see cref="TokenSlot"/>'s view of the shared store: its key, and the conversion between the engine's
/// <see cref="AccessToken"/> and the store's <see cref="SharedTokenEntry"/>. An entry comes back as a token only if it
/// was issued by the slot's authorization server for the slot's client certificate (a store that mixed up its entries
/// must not hand one server's token to a connection bound to another), and it gets this connection's expiry skew and
/// refresh ratio, so each process refreshes on its own settings. An entry that could not be sent as a token (empty, a
/// line break in it, a lifetime that ends before it begins) is taken for none: a store answering nonsense must not fail
/// the acquisition, nor put the nonsense into an exception message.
/// </summary>
internal sealed class SharedTokenTier(IMcpSharedTokenStore store, TokenCacheKey key, McpConnectionOptions options, ClientCertificate? certificate)
{
    private readonly SharedTokenKey _key = SharedTokenKey.For(key);

    /// <summary>
    /// How long a lease lasts when its holder neither releases nor renews it (it crashed), and so how long one wait for
    /// the holder's token lasts before the lease is tried again.
    /// </summary>
    public TimeSpan LeaseTime { get; } = LeaseTimeFor(options);

    /// <summary>
    /// How long a process waits in all for a holder that keeps its lease (a store renews the lease of a holder still
    /// requesting) before it requests its own token: as long as the holder's request may take with its retries, so a
    /// throttled authorization server keeps the fleet waiting for one request rather than receiving one from each process.
    /// </summary>
    public TimeSpan WaitLimit { get; } = Max(LeaseTimeFor(options), options.TokenRequestTimeout * (options.TokenRequestRetries + 1));

    /// <summary>The stored token, if it is this slot's; it may be stale.</summary>
    public async ValueTask<AccessToken?> GetAsync() => ToToken(await store.GetAsync(_key, CancellationToken.None).ConfigureAwait(false));

    /// <summary>
    /// The token the lease holder stores, other than <paramref name="seen"/>; <see langword="null"/> when none comes within
    /// <paramref name="timeout"/>, or earlier when the store sees that no process holds the lease any more.
    /// </summary>
    public async ValueTask<AccessToken?> WaitForEntryAsync(AccessToken? seen, TimeSpan timeout) =>
        ToToken(await store.WaitForEntryAsync(_key, seen is null ? null : SharedTokenEntry.HashOf(seen.Value), timeout, CancellationToken.None).ConfigureAwait(false));

    /// <summary>The fleet's lease on this key, or <see langword="null"/> when another process holds it.</summary>
    public ValueTask<IAsyncDisposable?> TryAcquireLeaseAsync() => store.TryAcquireLeaseAsync(_key, LeaseTime, CancellationToken.None);

    /// <summary>Stores <paramref name="token"/> for as long as it is usable.</summary>
    public ValueTask SetAsync(AccessToken token, DateTimeOffset now)
    {
        var usable = token.UsableUntil - now;
        if (usable <= TimeSpan.Zero)
        {
            return default;
        }

        var entry = new SharedTokenEntry(token.Value, token.Authority, token.IssuedAt, token.ExpiresAt, token.RequestedScopes, token.Certificate?.Thumbprint);
        return store.SetAsync(_key, entry, usable, CancellationToken.None);
    }

    /// <summary>Removes <paramref name="rejected"/> from the store, unless a newer token replaced it there.</summary>
    public ValueTask RemoveAsync(AccessToken rejected) => store.RemoveIfAsync(_key, SharedTokenEntry.HashOf(rejected.Value), CancellationToken.None);

    private AccessToken? ToToken(SharedTokenEntry? entry)
    {
        if (entry is null
            || !IsSendable(entry)
            || !string.Equals(entry.Authority, key.Authority, StringComparison.Ordinal)
            || !string.Equals(entry.CertificateThumbprint, certificate?.Thumbprint, StringComparison.Ordinal))
        {
            return null;
        }

        return new AccessToken(
            entry.Value, entry.IssuedAt, entry.ExpiresAt, options.TokenExpirySkew, options.TokenRefreshRatio, entry.RequestedScopes, entry.Authority, certificate);
    }

    /// <summary>Whether <paramref name="entry"/> holds something a header can carry, over a lifetime that makes sense.</summary>
    private static bool IsSendable(SharedTokenEntry entry) =>
        entry.Value.Length > 0 && entry.Value.AsSpan().IndexOfAny('\r', '\n', '\0') < 0 && entry.ExpiresAt > entry.IssuedAt;

    /// <summary>Twice a token request's time, at most 10 seconds: long enough for one request, short enough after a crash.</summary>
    private static TimeSpan LeaseTimeFor(McpConnectionOptions options) => Min(options.TokenRequestTimeout * 2, TimeSpan.FromSeconds(10));

    private static TimeSpan Min(TimeSpan first, TimeSpan second) => first < second ? first : second;

    private static TimeSpan Max(TimeSpan first, TimeSpan second) => first > second ? first : second;
}
