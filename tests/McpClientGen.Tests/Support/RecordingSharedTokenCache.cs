using System.Threading.Channels;

namespace McpClientGen.Tests.Support;

/// <summary>
/// A second cache level in memory, as a fleet's shared store behaves (one token per key, the last write wins), that
/// records what the engine asks and stores. Engines given the same instance share it as processes share Redis.
/// </summary>
internal sealed class RecordingSharedTokenCache : ISharedTokenCache
{
    private readonly object _gate = new();
    private readonly Dictionary<TokenCacheKey, AccessToken> _stored = [];
    private readonly List<TokenCacheKey> _reads = [];
    private readonly List<(TokenCacheKey Key, AccessToken Token)> _writes = [];
    private readonly Channel<AccessToken> _written = Channel.CreateUnbounded<AccessToken>();

    /// <summary>The keys looked up, in order.</summary>
    public IReadOnlyList<TokenCacheKey> Reads
    {
        get
        {
            lock (_gate)
            {
                return [.. _reads];
            }
        }
    }

    /// <summary>The tokens stored, in order.</summary>
    public IReadOnlyList<(TokenCacheKey Key, AccessToken Token)> Writes
    {
        get
        {
            lock (_gate)
            {
                return [.. _writes];
            }
        }
    }

    public ValueTask<AccessToken?> GetAsync(TokenCacheKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _reads.Add(key);
            return new ValueTask<AccessToken?>(_stored.GetValueOrDefault(key));
        }
    }

    public ValueTask SetAsync(TokenCacheKey key, AccessToken token, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _stored[key] = token;
            _writes.Add((key, token));
        }

        _written.Writer.TryWrite(token);
        return default;
    }

    /// <summary>The next token stored, counting from the first ever (each is handed out once); fails after <see cref="Bounded.Limit"/>.</summary>
    public async Task<AccessToken> NextWriteAsync()
    {
        try
        {
            return await _written.Reader.ReadAsync().AsTask().Within();
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The engine stored no further token in the second cache level; it stored {Writes.Count} in all.");
        }
    }
}
