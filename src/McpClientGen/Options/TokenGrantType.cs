namespace McpClientGen;

/// <summary>The OAuth grant a token request uses.</summary>
public enum TokenGrantType
{
    /// <summary>
    /// <c>client_credentials</c> (RFC 6749 §4.4): the client authenticates with a secret, a key, or a client assertion
    /// from the platform (<see cref="ClientAuthenticationMethod.PlatformAssertion"/>).
    /// </summary>
    ClientCredentials,

    /// <summary>
    /// <c>urn:ietf:params:oauth:grant-type:jwt-bearer</c> (RFC 7523 §2.1; MCP workload identity federation, SEP-1933,
    /// extension <c>io.modelcontextprotocol/auth/wif</c>): the workload's platform token
    /// (<see cref="McpConnectionOptions.PlatformTokenFile"/> or <see cref="McpConnectionOptions.PlatformTokenProvider"/>)
    /// is the grant itself. The client sends no secret; <see cref="McpConnectionOptions.ClientId"/> is optional and sent as
    /// <c>client_id</c> when set, for servers that want the workload to name a registered client.
    /// </summary>
    JwtBearer,
}
