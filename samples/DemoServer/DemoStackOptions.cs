namespace McpClientGen.DemoServer;

/// <summary>Settings for <see cref="DemoStack.StartAsync"/>.</summary>
public sealed class DemoStackOptions
{
    /// <summary>How long issued access tokens stay valid. Defaults to one hour.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Adds mutual TLS (RFC 8705), for <see cref="DemoStack.MutualTls"/>'s clients: the MCP endpoint is served over HTTPS
    /// (a self-signed certificate for <c>127.0.0.1</c>), asks for a client certificate, and accepts only access tokens
    /// bound to the certificate of the connection they come on; the authorization server gets an HTTPS token endpoint
    /// that requires a client certificate, listed as its <c>mtls_endpoint_aliases</c>, where clients authenticate by
    /// certificate (<c>tls_client_auth</c>, <c>self_signed_tls_client_auth</c>) and get tokens bound to it. Off by default.
    /// </summary>
    public bool MutualTls { get; set; }

    /// <summary>
    /// Configures logging of both hosts, starting from no providers at all. When <see langword="null"/>, only
    /// warnings and errors are written to the console, so test output stays quiet.
    /// </summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}
