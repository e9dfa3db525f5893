namespace McpClientGen.Redis;

/// <summary>Where <see cref="RedisSharedTokenStore"/> keeps its entries and how it waits for them.</summary>
public sealed class RedisSharedTokenStoreOptions
{
    /// <summary>
    /// The prefix of every key and channel the store uses (<c>{prefix}tok:{id}</c>, <c>{prefix}lease:{id}</c>,
    /// <c>{prefix}ready:{id}</c>). Default <c>mcpgen:</c>. Processes that share tokens must use the same prefix.
    /// </summary>
    public string KeyPrefix { get; set; } = "mcpgen:";

    /// <summary>
    /// How often a process waiting for the lease holder's token reads the entry again, in case the notification
    /// (Redis pub/sub) does not arrive: a server without pub/sub, or a message lost in a reconnection. Default 100 ms.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The Redis database number; -1 (the default) for the connection's default database.</summary>
    public int Database { get; set; } = -1;
}
