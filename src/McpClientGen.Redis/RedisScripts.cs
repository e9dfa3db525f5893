using StackExchange.Redis;

namespace McpClientGen.Redis;

/// <summary>
/// The compare-and-act steps, as Lua so that the comparison and the action are one atomic step: between a GET and a
/// DEL (or PEXPIRE) sent apart, a lease could expire and be taken by another process, or a newer token be stored, and
/// the second command would act on what is not ours.
/// </summary>
internal static class RedisScripts
{
    /// <summary>Deletes KEYS[1] if its value is exactly ARGV[1]: releasing a lease, removing an unreadable entry.</summary>
    private const string DeleteIfEqualScript =
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    /// <summary>Deletes KEYS[1] if its value starts with ARGV[1]: the entry whose token has the given digest.</summary>
    private const string DeleteIfPrefixedScript =
        "local v = redis.call('GET', KEYS[1]) if v and string.sub(v, 1, string.len(ARGV[1])) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    /// <summary>Sets KEYS[1] to expire in ARGV[2] milliseconds if its value is exactly ARGV[1]: renewing a lease still ours.</summary>
    private const string ExpireIfEqualScript =
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";

    /// <summary>Deletes KEYS[1] if it exists and is not a string: a value of another type where an entry belongs.</summary>
    private const string DeleteIfNotStringScript =
        "local t = redis.call('TYPE', KEYS[1]) t = t.ok or t if t ~= 'string' and t ~= 'none' then return redis.call('DEL', KEYS[1]) end return 0";

    /// <summary>Whether the key held <paramref name="value"/> and was deleted.</summary>
    public static async Task<bool> DeleteIfEqualAsync(IDatabase database, RedisKey key, RedisValue value) =>
        (long)await database.ScriptEvaluateAsync(DeleteIfEqualScript, [key], [value]).ConfigureAwait(false) == 1;

    public static Task DeleteIfPrefixedAsync(IDatabase database, RedisKey key, RedisValue prefix) =>
        database.ScriptEvaluateAsync(DeleteIfPrefixedScript, [key], [prefix]);

    /// <summary>Whether the key still held <paramref name="value"/> and now expires in <paramref name="expiry"/>.</summary>
    public static async Task<bool> ExpireIfEqualAsync(IDatabase database, RedisKey key, RedisValue value, TimeSpan expiry) =>
        (long)await database.ScriptEvaluateAsync(ExpireIfEqualScript, [key], [value, (long)expiry.TotalMilliseconds]).ConfigureAwait(false) == 1;

    public static Task DeleteIfNotStringAsync(IDatabase database, RedisKey key) =>
        database.ScriptEvaluateAsync(DeleteIfNotStringScript, [key]);
}
