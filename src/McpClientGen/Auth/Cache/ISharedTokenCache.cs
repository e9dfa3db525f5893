namespace McpClientGen;

/// <summary>
/// The second level of the token cache: a store that several processes can share (a fleet's Redis, in a package of
/// its own), behind each process's <see cref="TokenSlot"/>. A slot asks it only when it has no fresh token of its own
/// (the first request, a refresh, expiry, a rejected token), never on the path that serves a fresh token, so a slow
/// store can delay a token acquisition but never a call that already has a token.
/// </summary>
/// <remarks>
/// Implementations must not throw: a store that is down or slow answers "nothing stored" and drops the write, so the
/// shared cache can save token requests but never make one fail. Without one, <see cref="NoSharedTokenCache"/> runs.
/// A stored token must keep its <see cref="AccessToken.Authority"/>: a slot ignores a token whose authority is not its key's.
/// </remarks>
internal interface ISharedTokenCache
{
    /// <summary>The token stored under <paramref name="key"/>, or <see langword="null"/>; it may be stale, the slot checks.</summary>
    ValueTask<AccessToken?> GetAsync(TokenCacheKey key, CancellationToken cancellationToken);

    /// <summary>Stores a token just issued for <paramref name="key"/>, in place of any stored before.</summary>
    ValueTask SetAsync(TokenCacheKey key, AccessToken token, CancellationToken cancellationToken);
}
