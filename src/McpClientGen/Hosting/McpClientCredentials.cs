using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace McpClientGen;

/// <summary>
/// The client-credentials engine on its own, for code that uses the MCP SDK directly rather than a generated
/// client: an <see cref="HttpMessageHandler"/> for the SDK's <see cref="HttpClientTransport"/>, and the
/// capability that tells servers the client speaks the extension.
/// </summary>
/// <example>
/// <code>
/// using var http = new HttpClient(McpClientCredentials.CreateHandler(options));
/// var transport = new HttpClientTransport(new() { Endpoint = options.Endpoint! }, http);
/// await using var client = await McpClient.CreateAsync(transport, new McpClientOptions().WithClientCredentialsExtension());
/// </code>
/// </example>
public static class McpClientCredentials
{
    /// <summary>
    /// Creates a handler that discovers the authorization server, gets and refreshes client-credentials tokens,
    /// and puts them on every request to <see cref="McpConnectionOptions.Endpoint"/>'s origin. Disposing it
    /// (or the <see cref="HttpClient"/> that owns it) releases its connections.
    /// </summary>
    /// <param name="options">Endpoint and credentials; validated here.</param>
    /// <param name="timeProvider">The clock for token expiry; the system clock by default.</param>
    /// <param name="loggerFactory">Logging for discovery and token requests.</param>
    /// <exception cref="InvalidOperationException">A required option is missing or wrong.</exception>
    public static DelegatingHandler CreateHandler(McpConnectionOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ClientCredentialsEngine.Create(options, timeProvider, loggerFactory).CreateStandaloneHandler();
    }

    /// <summary>Advertises <c>io.modelcontextprotocol/oauth-client-credentials</c> in the client's capabilities.</summary>
    /// <param name="options">The SDK client options to add the extension to.</param>
    /// <returns>The same options.</returns>
    public static McpClientOptions WithClientCredentialsExtension(this McpClientOptions options) =>
        WithExtension(options, McpConnection.ClientCredentialsExtension);

    /// <summary>
    /// Advertises <c>io.modelcontextprotocol/auth/wif</c> (workload identity federation) in the client's capabilities,
    /// for a handler whose options use <see cref="TokenGrantType.JwtBearer"/>.
    /// </summary>
    /// <param name="options">The SDK client options to add the extension to.</param>
    /// <returns>The same options.</returns>
    public static McpClientOptions WithWorkloadIdentityExtension(this McpClientOptions options) =>
        WithExtension(options, McpConnection.WorkloadIdentityExtension);

    private static McpClientOptions WithExtension(McpClientOptions options, string extension)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Capabilities ??= new ModelContextProtocol.Protocol.ClientCapabilities();
        options.Capabilities.Extensions ??= new Dictionary<string, object>();
        options.Capabilities.Extensions[extension] = ClientCredentialsEngine.ExtensionSettings;
        return options;
    }
}
