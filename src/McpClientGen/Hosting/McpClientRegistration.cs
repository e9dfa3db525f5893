using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpClientGen;

/// <summary>
/// One registered client's shared state: its token engine (created once, so every handler the factory builds
/// shares tokens) and its connection. When its options change, the new credentials apply to the next token request.
/// </summary>
internal sealed class McpClientRegistration : IAsyncDisposable
{
    private readonly string _name;
    private readonly ClientCredentialsEngine _engine;
    private readonly IDisposable? _changes;
    private readonly Lazy<McpConnection> _connection;

    public McpClientRegistration(string name, string? defaultScopes, IServiceProvider services)
    {
        _name = name;
        var monitor = services.GetRequiredService<IOptionsMonitor<McpConnectionOptions>>();
        var options = monitor.Get(name).WithDefaultScopes(defaultScopes);
        options.SharedTokenStore ??= services.GetService<IMcpSharedTokenStore>();
        var loggerFactory = services.GetService<ILoggerFactory>();
        _engine = ClientCredentialsEngine.Create(options, services.GetService<TimeProvider>(), loggerFactory);
        _changes = monitor.OnChange((changed, changedName) =>
        {
            if (changedName == name)
            {
                _engine.Provider.UpdateCredentials(changed.WithDefaultScopes(defaultScopes));
            }
        });
        _connection = new Lazy<McpConnection>(() => new McpConnection(
            _engine.Options.Endpoint!,
            services.GetRequiredService<IHttpClientFactory>().CreateClient(_name),
            loggerFactory,
            _engine.Options.ProtocolVersion,
            _engine.ExtensionId,
            InputHandlers.From(_engine.Options)));
    }

    /// <summary>The client's connection, over the factory's <see cref="HttpClient"/> (and so its handlers).</summary>
    public McpConnection Connection => _connection.Value;

    /// <summary>The auth handler in front of a new transport (the engine's, with its TLS settings), sharing this client's tokens.</summary>
    public DelegatingHandler CreateHandler() => _engine.CreateHandler(_engine.CreateTransportHandler(), ownsEngine: false);

    public async ValueTask DisposeAsync()
    {
        _changes?.Dispose();
        if (_connection.IsValueCreated)
        {
            await _connection.Value.DisposeAsync().ConfigureAwait(false);
        }

        _engine.Dispose();
    }
}
