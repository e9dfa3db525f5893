using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using McpClientGen;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers generated MCP clients of servers that run as child processes over stdio (unauthenticated).</summary>
public static class McpStdioClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers the generated client <typeparamref name="TClient"/> (and its interface) as a singleton over a stdio server
    /// whose options are bound from <paramref name="configuration"/> (for example the section <c>Mcp:Files</c>; keys are the
    /// option names, see <see cref="McpStdioServerOptions"/>). Options are validated at start-up. The server process starts
    /// with the first call and ends when the container is disposed.
    /// </summary>
    public static IServiceCollection AddMcpStdioClient<TInterface, TClient>(this IServiceCollection services, IConfiguration configuration)
        where TInterface : class
        where TClient : McpClientProxy, TInterface, IMcpGeneratedClient<TClient>
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddMcpStdioClientCore<TInterface, TClient>(
            options => McpStdioServerOptionsBinder.Bind(configuration, options), (configuration as IConfigurationSection)?.Path);
    }

    /// <summary>
    /// Registers the generated client <typeparamref name="TClient"/> (and its interface) as a singleton over a stdio server
    /// configured in code. The server process starts with the first call and ends when the container is disposed.
    /// </summary>
    public static IServiceCollection AddMcpStdioClient<TInterface, TClient>(this IServiceCollection services, Action<McpStdioServerOptions> configure)
        where TInterface : class
        where TClient : McpClientProxy, TInterface, IMcpGeneratedClient<TClient> =>
        services.AddMcpStdioClientCore<TInterface, TClient>(configure, sectionPath: null);

    private static IServiceCollection AddMcpStdioClientCore<TInterface, TClient>(
        this IServiceCollection services, Action<McpStdioServerOptions> configure, string? sectionPath)
        where TInterface : class
        where TClient : McpClientProxy, TInterface, IMcpGeneratedClient<TClient>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        // One name per client type, as AddMcpClient uses: its options and its connection hang off it.
        var name = typeof(TClient).FullName!;
        services.AddOptions<McpStdioServerOptions>(name).Configure(configure).ValidateOnStart();
        // One validator per client, added once however often the client is registered.
        if (!services.Any(service => !service.IsKeyedService && service.ImplementationInstance is McpStdioServerOptionsValidator existing && existing.Name == name))
        {
            services.AddSingleton<IValidateOptions<McpStdioServerOptions>>(new McpStdioServerOptionsValidator(name, sectionPath));
        }
        services.TryAddKeyedSingleton(name, (provider, _) => new McpStdioClientRegistration(name, provider));
        services.TryAddSingleton(provider => TClient.Create(provider.GetRequiredKeyedService<McpStdioClientRegistration>(name).Connection));
        services.TryAddSingleton<TInterface>(provider => provider.GetRequiredService<TClient>());
        return services;
    }
}
