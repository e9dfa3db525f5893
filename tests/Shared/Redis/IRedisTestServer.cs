namespace McpClientGen.Testing.Redis;

/// <summary>A real Redis-compatible server a test runs against, which it can stop and start again on the same port.</summary>
public interface IRedisTestServer : IAsyncDisposable
{
    /// <summary>A StackExchange.Redis configuration string for it.</summary>
    string ConnectionString { get; }

    /// <summary>Starts it again on its port, empty; does nothing while it runs.</summary>
    Task StartAsync();

    /// <summary>Stops it: connections are dropped and what it held is gone.</summary>
    Task StopAsync();
}
