using McpClientGen.Testing.Redis;

namespace McpClientGen.Redis.Tests.Support;

/// <summary>
/// The real servers the Redis tests run against: in-process Garnet always, and <c>redis-server</c> when it is on PATH.
/// A server that is not installed yields no test case at all, rather than a skipped or failing one.
/// </summary>
public static class RedisServerKinds
{
    public const string Garnet = "garnet";

    public const string RedisServer = "redis-server";

    /// <summary>Every server kind available on this machine, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> Available
    {
        get
        {
            var kinds = new TheoryData<string> { Garnet };
            if (RedisServerHost.IsAvailable)
            {
                kinds.Add(RedisServer);
            }

            return kinds;
        }
    }

    /// <summary>Starts a server of <paramref name="kind"/> on a free loopback port.</summary>
    public static async Task<IRedisTestServer> StartAsync(string kind) => kind switch
    {
        Garnet => await GarnetHost.StartNewAsync(),
        RedisServer => await RedisServerHost.StartNewAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a server kind."),
    };
}
