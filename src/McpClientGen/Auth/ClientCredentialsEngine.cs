using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace McpClientGen;

/// <summary>
/// One configured client-credentials engine: the backchannel and the token provider for one endpoint and client.
/// Connections, dependency injection and the standalone handler all build it the same way.
/// </summary>
internal sealed class ClientCredentialsEngine : IDisposable
{
    private readonly Backchannel _backchannel;

    private ClientCredentialsEngine(Uri endpoint, Backchannel backchannel, ClientCredentialsTokenProvider provider, ILogger logger)
    {
        Endpoint = endpoint;
        _backchannel = backchannel;
        Provider = provider;
        Logger = logger;
    }

    /// <summary>The extension's settings object: empty, as the extension defines none.</summary>
    public static JsonElement ExtensionSettings { get; } = EmptyObject();

    public Uri Endpoint { get; }

    public ClientCredentialsTokenProvider Provider { get; }

    public ILogger Logger { get; }

    /// <summary>Builds the engine for validated <paramref name="options"/>.</summary>
    public static ClientCredentialsEngine Create(McpConnectionOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory)
    {
        var logger = (ILogger?)loggerFactory?.CreateLogger("McpClientGen.Auth") ?? NullLogger.Instance;
        var backchannel = new Backchannel(options, timeProvider, logger);
        try
        {
            return new ClientCredentialsEngine(options.Endpoint!, backchannel, new ClientCredentialsTokenProvider(options, backchannel, timeProvider, logger), logger);
        }
        catch
        {
            backchannel.Dispose();
            throw;
        }
    }

    /// <summary>The auth handler in front of <paramref name="inner"/>; with <paramref name="ownsEngine"/> it disposes the engine with itself.</summary>
    public DelegatingHandler CreateHandler(HttpMessageHandler? inner, bool ownsEngine)
    {
        var handler = new ClientCredentialsHandler(Provider, Endpoint, Logger, ownsEngine ? this : null);
        if (inner is not null)
        {
            handler.InnerHandler = inner;
        }

        return handler;
    }

    /// <summary>
    /// The handler that sends MCP requests: it follows no redirects (the auth handler follows same-origin ones
    /// itself, so a token never leaves its origin) and renews pooled connections, so DNS changes are seen.
    /// </summary>
    public static SocketsHttpHandler CreateTransportHandler() =>
        new() { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    public void Dispose() => _backchannel.Dispose();

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }
}
