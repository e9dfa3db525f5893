using McpClientGen;
using McpClientGen.Redis;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the fleet token store on Redis, which every MCP client in the container then shares.</summary>
public static class RedisTokenStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="RedisSharedTokenStore"/> on a connection of its own to <paramref name="connectionString"/> as
    /// the <see cref="IMcpSharedTokenStore"/> of every MCP client that sets none, and adds Data Protection. The processes
    /// of the fleet must share Data Protection keys and application name (for example
    /// <c>services.AddDataProtection().SetApplicationName("billing").PersistKeysToStackExchangeRedis(…)</c>). The server
    /// must run Lua scripts (Garnet: <c>--lua</c>). Called again, or with an <see cref="IMcpSharedTokenStore"/> already
    /// registered, it adds nothing: the first registration stays, and no second store or connection is made.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">A StackExchange.Redis configuration string; Redis being down at start does not throw.</param>
    /// <param name="configure">Changes the key prefix, polling interval or database.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddMcpRedisTokenStore(
        this IServiceCollection services, string connectionString, Action<RedisSharedTokenStoreOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return services.AddStore(_ => ConnectionFactory.Connect(connectionString), ownsConnection: true, configure);
    }

    /// <summary>
    /// Registers a <see cref="RedisSharedTokenStore"/> on the <see cref="IConnectionMultiplexer"/> already in the container
    /// (as .NET Aspire's Redis integration registers it) as the <see cref="IMcpSharedTokenStore"/> of every MCP client
    /// that sets none, and adds Data Protection. The processes of the fleet must share Data Protection keys and
    /// application name, and the server must run Lua scripts (Garnet: <c>--lua</c>). Called again, or with an
    /// <see cref="IMcpSharedTokenStore"/> already registered, it adds nothing: the first registration stays.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the key prefix, polling interval or database.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddMcpRedisTokenStore(this IServiceCollection services, Action<RedisSharedTokenStoreOptions>? configure = null) =>
        services.AddStore(provider => provider.GetRequiredService<IConnectionMultiplexer>(), ownsConnection: false, configure);

    private static IServiceCollection AddStore(
        this IServiceCollection services,
        Func<IServiceProvider, IConnectionMultiplexer> connection,
        bool ownsConnection,
        Action<RedisSharedTokenStoreOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDataProtection();
        // TryAdd: registered twice (by the application and a library, say), the first registration wins, and only one
        // store (and connection) is ever made.
        services.TryAddSingleton(provider =>
        {
            var options = new RedisSharedTokenStoreOptions();
            configure?.Invoke(options);

            // The container's clock, if it has one, as the MCP clients' token engines use it.
            return new RedisSharedTokenStore(
                connection(provider),
                ownsConnection,
                provider.GetRequiredService<IDataProtectionProvider>(),
                options,
                provider.GetService<ILoggerFactory>(),
                provider.GetService<TimeProvider>() ?? TimeProvider.System);
        });
        services.TryAddSingleton<IMcpSharedTokenStore>(provider => provider.GetRequiredService<RedisSharedTokenStore>());
        return services;
    }
}
