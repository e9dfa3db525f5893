namespace McpClientGen.Cli.Connection;

/// <summary>
/// How to reach and authenticate to a server, as given on the command line. It holds the names of the variables and
/// files that secrets come from, never the secrets themselves.
/// </summary>
/// <param name="Endpoint">The MCP endpoint; <see langword="null"/> for a stdio server.</param>
/// <param name="Stdio">The stdio server to start instead of an endpoint, if any; then <paramref name="NoAuth"/> is true.</param>
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
    Uri? Endpoint,
    StdioServer? Stdio,
    bool NoAuth,
    string? ClientId,
    string ClientSecretVariable,
    string? PrivateKeyFile,
    string? PrivateKeyPasswordVariable,
    string? Scopes,
    Uri? TokenEndpoint,
    Uri? AuthorizationServer,
    bool TrustDiscoveredAuthorizationServer,
    string? ProtocolVersion)
{
    /// <summary>The server as messages name it: the endpoint, or the stdio command without its arguments.</summary>
    public string Server => Stdio is { } stdio ? $"the stdio server '{stdio.Command}'" : Endpoint!.ToString();
}
