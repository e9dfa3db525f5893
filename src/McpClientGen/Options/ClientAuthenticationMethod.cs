namespace McpClientGen;

/// <summary>How the client proves its identity to the token endpoint.</summary>
public enum ClientAuthenticationMethod
{
    /// <summary>
    /// Chosen from what is configured and what the authorization server supports: <see cref="PlatformAssertion"/>
    /// when a platform token is configured; with a client certificate, <see cref="SelfSignedTlsClientAuth"/> for a
    /// self-signed one and <see cref="TlsClientAuth"/> for one a CA issued; else <see cref="PrivateKeyJwt"/> when a private
    /// key or signing certificate is configured; otherwise <see cref="ClientSecretBasic"/>, or
    /// <see cref="ClientSecretPost"/> when the server lists only that. When the server lists both secret methods and
    /// answers the first with <c>invalid_client</c>, the other is tried once and, if it gets a token, used from then on;
    /// a key, certificate or platform token is never traded for a secret.
    /// </summary>
    Auto,

    /// <summary><c>client_secret_basic</c>: id and secret in an HTTP Basic <c>Authorization</c> header (RFC 6749 §2.3.1).</summary>
    ClientSecretBasic,

    /// <summary><c>client_secret_post</c>: id and secret in the form body.</summary>
    ClientSecretPost,

    /// <summary><c>private_key_jwt</c>: a JWT signed with the client's private key (RFC 7523 §2.2).</summary>
    PrivateKeyJwt,

    /// <summary>
    /// A client assertion issued by the platform the workload runs on, not signed by this client: the token in
    /// <see cref="McpConnectionOptions.PlatformTokenFile"/> or from <see cref="McpConnectionOptions.PlatformTokenProvider"/>
    /// (a Kubernetes service-account token, Microsoft Entra workload identity's <c>AZURE_FEDERATED_TOKEN_FILE</c>, a
    /// GitHub Actions OIDC token), sent as a <c>jwt-bearer</c> client assertion (RFC 7523 §2.2) with the
    /// <c>client_credentials</c> grant. The authorization server trusts it through the client's federated credential
    /// (the platform's issuer and the workload's subject); on the wire it is <c>private_key_jwt</c>.
    /// </summary>
    PlatformAssertion,

    /// <summary>
    /// <c>tls_client_auth</c> (RFC 8705 §2.1): the client certificate, issued by a CA the server trusts, presented in the
    /// TLS handshake; the form carries only the <c>client_id</c>.
    /// </summary>
    TlsClientAuth,

    /// <summary>
    /// <c>self_signed_tls_client_auth</c> (RFC 8705 §2.2): a self-signed client certificate registered with the server,
    /// presented in the TLS handshake; the form carries only the <c>client_id</c>.
    /// </summary>
    SelfSignedTlsClientAuth,
}
