using Microsoft.Extensions.Logging;

namespace McpClientGen.Redis;

/// <summary>What the Redis token store logs. It never logs an entry, a lease holder id or the connection string.</summary>
internal static partial class RedisStoreLog
{
    [LoggerMessage(160, LogLevel.Information, "Redis refused to subscribe to the channel announcing shared tokens ({Failure}); waiting processes read the entry every {PollInterval} instead.")]
    public static partial void PollingWithoutPubSub(ILogger logger, string failure, TimeSpan pollInterval);

    [LoggerMessage(161, LogLevel.Warning, "This process cannot decrypt shared token entries written by others: share Data Protection keys and the application name across the fleet. Such entries are left to expire, and this process requests tokens of its own meanwhile.")]
    public static partial void CannotDecryptSharedEntries(ILogger logger);
}
