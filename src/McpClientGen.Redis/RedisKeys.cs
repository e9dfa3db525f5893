using StackExchange.Redis;

namespace McpClientGen.Redis;

/// <summary>The Redis names of one shared token key: its entry, its lease and the channel that announces a new entry or a released lease.</summary>
internal readonly struct RedisKeys
{
    public RedisKeys(string prefix, SharedTokenKey key)
    {
        Entry = prefix + "tok:" + key.Id;
        Lease = prefix + "lease:" + key.Id;
        Ready = RedisChannel.Literal(prefix + "ready:" + key.Id);
    }

    /// <summary>The entry: the protected token, with the digest <see cref="IMcpSharedTokenStore.RemoveIfAsync"/> compares.</summary>
    public RedisKey Entry { get; }

    /// <summary>The lease: the holder's random id, set only if absent, with an expiry.</summary>
    public RedisKey Lease { get; }

    /// <summary>Published after the entry is written or the lease released, so waiters look at once rather than at their next poll.</summary>
    public RedisChannel Ready { get; }
}
