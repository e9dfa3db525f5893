using StackExchange.Redis;

namespace McpClientGen.Redis;

/// <summary>
/// The compare-and-delete steps, as Lua so that the comparison and the deletion are one atomic step: between a GET and a
/// DEL sent apart, a lease could expire and be taken by another process, or a newer token be stored, and the DEL would
/// remove what is not ours to remove.
/// </summary>
internal static class RedisScripts
{
    /// <summary>Deletes KEYS[1] if its value is exactly ARGV[1]: releasing a lease, removing an unreadable entry.</summary>
    private const string DeleteIfEqualScript =
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    /// <summary>Deletes KEYS[1] if its value starts with ARGV[1]: the entry whose token has the given digest.</summary>
    private const string DeleteIfPrefixedScript =
        "local v = redis.call('GET', KEYS[1]) if v and string.sub(v, 1, string.len(ARGV[1])) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    public static Task DeleteIfEqualAsync(IDatabase database, RedisKey key, RedisValue value) =>
        database.ScriptEvaluateAsync(DeleteIfEqualScript, [key], [value]);

    public static Task DeleteIfPrefixedAsync(IDatabase database, RedisKey key, RedisValue prefix) =>
        database.ScriptEvaluateAsync(DeleteIfPrefixedScript, [key], [prefix]);
}
