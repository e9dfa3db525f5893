namespace McpClientGen;

/// <summary>Why a connection to an MCP server, or to its authorization server, could not be made.</summary>
public enum McpConnectionFailure
{
    /// <summary>
    /// Nothing accepted the connection (refused or reset), or it broke before a whole HTTP answer came: the server is not
    /// running, the port or scheme is wrong (http:// to a TLS port), or a proxy refused the tunnel.
    /// </summary>
    Unreachable,

    /// <summary>The host name did not resolve (DNS): a typo in the host, or a name only another network knows.</summary>
    HostNotFound,

    /// <summary>The server did not answer in time.</summary>
    TimedOut,

    /// <summary>A server answered, but not as an MCP endpoint (HTTP 404 or 405, or no JSON-RPC reply): the path is wrong.</summary>
    NotAnMcpEndpoint,

    /// <summary>The TLS handshake failed: the certificate is untrusted, expired, or for another host name.</summary>
    TlsFailure,

    /// <summary>
    /// The stdio MCP server's process exited (crashed, or ended on its own) before the call or the handshake was answered;
    /// the next call starts it again.
    /// </summary>
    ServerExited,
}
