namespace McpClientGen;

/// <summary>The second level of a process that shares its tokens with no one: it stores nothing and finds nothing.</summary>
internal sealed class NoSharedTokenCache : ISharedTokenCache
{
    public static NoSharedTokenCache Instance { get; } = new();

    private NoSharedTokenCache()
    {
    }

    public ValueTask<AccessToken?> GetAsync(TokenCacheKey key, CancellationToken cancellationToken) => default;

    public ValueTask SetAsync(TokenCacheKey key, AccessToken token, CancellationToken cancellationToken) => default;
}
