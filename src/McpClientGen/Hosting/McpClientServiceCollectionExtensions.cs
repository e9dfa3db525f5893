using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using McpClientGen;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers generated MCP clients with dependency injection and <see cref="IHttpClientFactory"/>.</summary>
public static class McpClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers the generated client <typeparamref name="TClient"/> (and its interface) as a singleton whose options
    /// are bound from <paramref name="configuration"/> (for example the section <c>Mcp:Crm</c>; keys are the option
    /// names). Options are validated at start-up; a changed secret or key applies to the next token request.
    /// </summary>
    /// <returns>The builder of the client's named <see cref="HttpClient"/>, to add handlers such as resilience.</returns>
    public static IHttpClientBuilder AddMcpClient<TInterface, TClient>(this IServiceCollection services, IConfiguration configuration)
        where TInterface : class
        where TClient : McpClientProxy, TInterface, IMcpGeneratedClient<TClient>
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddMcpClientCore<TInterface, TClient>(static _ => { }, (configuration as IConfigurationSection)?.Path);
        // Read key by key (no reflection), and re-read when the configuration reloads: that is how a rotated secret arrives.
        services.AddOptions<McpConnectionOptions>(builder.Name).Configure(options => McpConnectionOptionsBinder.Bind(configuration, options));
        services.AddSingleton<IOptionsChangeTokenSource<McpConnectionOptions>>(new ConfigurationChangeTokenSource<McpConnectionOptions>(builder.Name, configuration));
        return builder;
    }

    /// <summary>Registers the generated client <typeparamref name="TClient"/> (and its interface), configured in code.</summary>
    /// <returns>The builder of the client's named <see cref="HttpClient"/>, to add handlers such as resilience.</returns>
    public static IHttpClientBuilder AddMcpClient<TInterface, TClient>(this IServiceCollection services, Action<McpConnectionOptions> configure)
        where TInterface : class
        where TClient : McpClientProxy, TInterface, IMcpGeneratedClient<TClient> =>
        services.AddMcpClientCore<TInterface, TClient>(configure, sectionPath: null);

    private static IHttpClientBuilder AddMcpClientCore<TInterface, TClient>(this IServiceCollection services, Action<McpConnectionOptions> configure, string? sectionPath)
        where TInterface : class
        where TClient : McpClientProxy, TInterface, IMcpGeneratedClient<TClient>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        // One name per client type: its options, its HttpClient and its token engine all hang off it.
        var name = typeof(TClient).FullName!;
        services.AddOptions<McpConnectionOptions>(name).Configure(configure).ValidateOnStart();

        // One validator per client: TryAddEnumerable would keep only the first client's, as all share one type.
        if (!services.Any(service => !service.IsKeyedService && service.ImplementationInstance is McpConnectionOptionsValidator existing && existing.Name == name))
        {
            services.AddSingleton<IValidateOptions<McpConnectionOptions>>(new McpConnectionOptionsValidator(name, sectionPath));
        }
        services.TryAddKeyedSingleton(name, (provider, _) => new McpClientRegistration(name, TClient.DefaultScopes, provider));
        services.TryAddSingleton(provider => TClient.Create(provider.GetRequiredKeyedService<McpClientRegistration>(name).Connection));
        services.TryAddSingleton<TInterface>(provider => provider.GetRequiredService<TClient>());

        // The auth handler is part of the primary handler, innermost: handlers the app adds, and the factory's own
        // request logging (whose structured header values are not redacted), never see the Authorization header.
        return services.AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(provider => new ProgressNotificationTap(provider.GetRequiredKeyedService<McpClientRegistration>(name).CreateHandler()));
    }
}
