using StackExchange.Redis;

namespace McpClientGen.Redis;

/// <summary>Opens the store's own connection so that Redis being down neither throws nor holds calls up.</summary>
internal static class ConnectionFactory
{
    public static ConnectionMultiplexer Connect(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException)
        {
            // Not chained: the parser's message may quote the string, password included.
            throw new ArgumentException("The Redis connection string is not valid.", nameof(connectionString));
        }

        // Down at start: connect in the background rather than throw. Down at any time: fail a command at once rather
        // than queue it; the engine has a token to request meanwhile.
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        return ConnectionMultiplexer.Connect(configuration);
    }
}
