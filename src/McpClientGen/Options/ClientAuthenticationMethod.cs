namespace McpClientGen;

/// <summary>How the client proves its identity to the token endpoint.</summary>
public enum ClientAuthenticationMethod
{
    /// <summary>
    /// Chosen from what is configured and what the authorization server supports: <see cref="PlatformAssertion"/>
    /// when a platform token is configured; <see cref="PrivateKeyJwt"/> when a private key or certificate is configured;
    /// otherwise <see cref="ClientSecretBasic"/>, or <see cref="ClientSecretPost"/> when the server lists only that.
    /// When the server lists both secret methods and answers the first with <c>invalid_client</c>, the other is tried
    /// once and, if it gets a token, used from then on; a key or platform token is never traded for a secret.
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
}
