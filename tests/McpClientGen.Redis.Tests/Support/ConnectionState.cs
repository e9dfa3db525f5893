using McpClientGen.Tests.Support;
using StackExchange.Redis;

namespace McpClientGen.Redis.Tests.Support;

/// <summary>Waits for a connection to notice that its server went away, or came back.</summary>
internal static class ConnectionState
{
    /// <summary>Completes once <paramref name="redis"/> is (dis)connected as asked; fails the test after <see cref="Bounded.Limit"/>.</summary>
    public static async Task WaitUntilAsync(IConnectionMultiplexer redis, bool connected)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(object? sender, ConnectionFailedEventArgs args)
        {
            if (redis.IsConnected == connected)
            {
                reached.TrySetResult();
            }
        }

        redis.ConnectionFailed += Check;
        redis.ConnectionRestored += Check;
        try
        {
            Check(null, null!);
            await reached.Task.WaitAsync(Bounded.Limit);
        }
        finally
        {
            redis.ConnectionFailed -= Check;
            redis.ConnectionRestored -= Check;
        }
    }
}
