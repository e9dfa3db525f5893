namespace McpClientGen.DemoServer;

/// <summary>One answered request to the token endpoint, as a test sees it. Never holds a secret or an assertion.</summary>
/// <param name="ClientId">
/// The client id, from the body, the Basic header or the assertion's <c>iss</c>; <see langword="null"/> when the request
/// was rejected before the client was known.
/// </param>
/// <param name="AuthenticationMethod">
/// How the client authenticated: <c>client_secret_basic</c>, <c>client_secret_post</c>, <c>private_key_jwt</c>,
/// <c>tls_client_auth</c>, <c>self_signed_tls_client_auth</c>, or <see langword="null"/> when it sent no credentials.
/// </param>
/// <param name="Scope">The <c>scope</c> parameter as sent, or <see langword="null"/>.</param>
/// <param name="Error">The OAuth error (e.g. <c>invalid_scope</c>), or <see langword="null"/> when a token was issued.</param>
/// <param name="CertificateThumbprint">
/// The <c>x5t#S256</c> of the client certificate presented in the TLS handshake (only on a mutual-TLS stack's HTTPS
/// token endpoint), to which an issued token is bound; <see langword="null"/> when none was.
/// </param>
public sealed record DemoTokenRequest(string? ClientId, string? AuthenticationMethod, string? Scope, string? Error, string? CertificateThumbprint = null)
{
    /// <summary>Whether an access token was issued.</summary>
    public bool Succeeded => Error is null;
}
