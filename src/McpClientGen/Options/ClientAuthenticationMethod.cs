namespace McpClientGen;

/// <summary>How the client proves its identity to the token endpoint.</summary>
public enum ClientAuthenticationMethod
{
    /// <summary>
    /// Chosen from what is configured and what the authorization server supports: with a client certificate,
    /// <see cref="SelfSignedTlsClientAuth"/> for a self-signed one and <see cref="TlsClientAuth"/> for one a CA issued;
    /// else <see cref="PrivateKeyJwt"/> when a private key or signing certificate is configured; otherwise
    /// <see cref="ClientSecretBasic"/>, or <see cref="ClientSecretPost"/> when the server lists only that.
    /// </summary>
    Auto,

    /// <summary><c>client_secret_basic</c>: id and secret in an HTTP Basic <c>Authorization</c> header (RFC 6749 §2.3.1).</summary>
    ClientSecretBasic,

    /// <summary><c>client_secret_post</c>: id and secret in the form body.</summary>
    ClientSecretPost,

    /// <summary><c>private_key_jwt</c>: a JWT signed with the client's private key (RFC 7523 §2.2).</summary>
    PrivateKeyJwt,

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
