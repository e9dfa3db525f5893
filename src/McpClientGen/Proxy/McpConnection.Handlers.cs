using Microsoft.Extensions.Logging;

namespace McpClientGen;

/// <summary>
/// Connections over Streamable HTTP whose transport handler is the caller's instead of a new <see cref="SocketsHttpHandler"/>.
/// Internal: the benchmarks hand in an in-process server's handler (ASP.NET Core's TestServer), so the client's HTTP
/// stack is measured without sockets. The handler chain is the one the public factories build:
/// <see cref="ProgressNotificationTap"/>, then the auth handler (when authenticating), then the transport.
/// </summary>
public sealed partial class McpConnection
{
    /// <summary>
    /// As <see cref="Create"/>, with <paramref name="transport"/> as the primary handler: the auth handler of the engine
    /// <paramref name="options"/> describe sends through it; the connection owns and disposes both.
    /// </summary>
    internal static McpConnection CreateOverHandler(
        McpConnectionOptions options, HttpMessageHandler transport, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(transport);
        var engine = ClientCredentialsEngine.Create(options, timeProvider, loggerFactory);
        return OverEngine(engine, transport, loggerFactory);
    }

    /// <summary>A connection whose requests go through <paramref name="engine"/>'s auth handler to <paramref name="transport"/>.</summary>
    private static McpConnection OverEngine(ClientCredentialsEngine engine, HttpMessageHandler transport, ILoggerFactory? loggerFactory) =>
        new(
            engine.Options.Endpoint!,
            new HttpClient(new ProgressNotificationTap(engine.CreateHandler(transport, ownsEngine: true))),
            loggerFactory,
            engine.Options.ProtocolVersion,
            engine.ExtensionId,
            InputHandlers.From(engine.Options));

    /// <summary>
    /// As <see cref="CreateUnauthenticated(Uri, ILoggerFactory?, string?)"/>, with <paramref name="transport"/> as the primary
    /// handler; the connection owns and disposes it.
    /// </summary>
    internal static McpConnection CreateUnauthenticatedOverHandler(Uri endpoint, HttpMessageHandler transport, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(transport);
        EndpointRules.EnsureSecure(endpoint, "MCP endpoint");
        return new McpConnection(endpoint, new HttpClient(new ProgressNotificationTap(transport)), loggerFactory, protocolVersion: null);
    }
}
