namespace McpClientGen.Cli.Connection;

/// <summary>
/// How to reach and authenticate to a server, as given on the command line. It holds the names of the variables and
/// files that secrets come from, never the secrets themselves.
/// </summary>
/// <param name="Endpoint">The MCP endpoint.</param>
/// <param name="NoAuth">Connect without authentication.</param>
/// <param name="ClientId">The OAuth client id.</param>
/// <param name="ClientSecretVariable">The environment variable holding the client secret.</param>
/// <param name="PrivateKeyFile">The file with the private key for <c>private_key_jwt</c>, if any.</param>
/// <param name="PrivateKeyPasswordVariable">The environment variable holding the key's password, if any.</param>
/// <param name="Scopes">Space-separated scopes to request, if any.</param>
/// <param name="TokenEndpoint">The token endpoint, when discovery is to be skipped.</param>
/// <param name="AuthorizationServer">The issuer the credentials belong to, if named.</param>
/// <param name="TrustDiscoveredAuthorizationServer">Trust the authorization server the endpoint's metadata names.</param>
/// <param name="ProtocolVersion">The MCP protocol version to insist on, if any.</param>
internal sealed record ConnectionSettings(
    Uri Endpoint,
    bool NoAuth,
    string? ClientId,
    string ClientSecretVariable,
    string? PrivateKeyFile,
    string? PrivateKeyPasswordVariable,
    string? Scopes,
    Uri? TokenEndpoint,
    Uri? AuthorizationServer,
    bool TrustDiscoveredAuthorizationServer,
    string? ProtocolVersion);
