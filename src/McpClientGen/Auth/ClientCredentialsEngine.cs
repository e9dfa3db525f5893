using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace McpClientGen;

/// <summary>
/// One client-credentials engine (one endpoint, one client) and the one place it is put together: validated
/// options, the backchannel, discovery and the token endpoint, the token provider over both cache levels, and the
/// auth handlers in front of it. <see cref="McpConnection.Create"/>, <see cref="McpClientCredentials.CreateHandler"/>,
/// the dependency-injection registration and the tests all build it through <see cref="Create"/>.
/// </summary>
internal sealed class ClientCredentialsEngine : IDisposable
{
    private readonly Backchannel _backchannel;
    private readonly TlsHandlerFactory _tls;
    private readonly ILogger _logger;

    private ClientCredentialsEngine(
        McpConnectionOptions options, Backchannel backchannel, TlsHandlerFactory tls, ClientCredentialsTokenProvider provider, ILogger logger)
    {
        Options = options;
        _backchannel = backchannel;
        _tls = tls;
        Provider = provider;
        _logger = logger;
    }

    /// <summary>The extension's settings object: empty, as the extension defines none.</summary>
    public static JsonElement ExtensionSettings { get; } = EmptyObject();

    /// <summary>The options the engine runs with: a validated copy, so later changes to the caller's object have no effect.</summary>
    public McpConnectionOptions Options { get; }

    public ClientCredentialsTokenProvider Provider { get; }

    /// <summary>
    /// The MCP extension the engine implements, for the client's capabilities: workload identity federation
    /// (<see cref="McpConnection.WorkloadIdentityExtension"/>) for the JWT-bearer grant, else client credentials.
    /// </summary>
    public string ExtensionId => Options.GrantType == TokenGrantType.JwtBearer
        ? McpConnection.WorkloadIdentityExtension
        : McpConnection.ClientCredentialsExtension;

    /// <summary>Validates a copy of <paramref name="options"/> and builds the engine on it.</summary>
    /// <param name="options">Endpoint and credentials.</param>
    /// <param name="timeProvider">The clock for token expiry and request timeouts; the system clock by default.</param>
    /// <param name="loggerFactory">Logging for discovery and token requests.</param>
    /// <exception cref="InvalidOperationException">A required option is missing or wrong.</exception>
    public static ClientCredentialsEngine Create(
        McpConnectionOptions options, TimeProvider? timeProvider, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validated = options.Snapshot();
        validated.Validate();

        var clock = timeProvider ?? TimeProvider.System;
        var logger = (ILogger?)loggerFactory?.CreateLogger("McpClientGen.Auth") ?? NullLogger.Instance;

        // Discovery and token requests have a client of their own: they must not run through the auth handler. It presents
        // the client certificate only in token requests, which name it (the discovery documents are public).
        var tls = TlsHandlerFactory.For(validated);
        var backchannel = new Backchannel(validated, tls.CreateHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false }, static () => null), clock, logger);
        try
        {
            var provider = new ClientCredentialsTokenProvider(
                validated,
                new AuthorizationServerDiscovery(backchannel),
                new TokenEndpointClient(backchannel, validated, clock),
                validated.SharedTokenStore is { } sharedStore ? new ResilientSharedTokenStore(sharedStore, validated.SharedTokenStoreTimeout, clock, logger) : null,
                clock,
                logger);
            return new ClientCredentialsEngine(validated, backchannel, tls, provider, logger);
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
        var handler = new ClientCredentialsHandler(Provider, Options.Endpoint!, _logger, ownsEngine ? this : null);
        if (inner is not null)
        {
            handler.InnerHandler = inner;
        }

        return handler;
    }

    /// <summary>The handler of an <see cref="HttpClient"/> of its own: over a new transport, and disposing the engine with itself.</summary>
    public DelegatingHandler CreateStandaloneHandler() => CreateHandler(CreateTransportHandler(), ownsEngine: true);

    /// <summary>
    /// The handler that sends MCP requests: it follows no redirects (the auth handler follows same-origin ones
    /// itself, so a token never leaves its origin) and renews pooled connections, so DNS changes are seen. With a client
    /// certificate, each request presents the one its token was requested with, and a request without a token the
    /// current one; the DI registration makes it the client's primary handler, so this holds with IHttpClientFactory.
    /// </summary>
    public HttpMessageHandler CreateTransportHandler() =>
        _tls.CreateHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, () => Provider.CurrentCertificate);

    public void Dispose() => _backchannel.Dispose();

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }
}
