namespace McpClientGen;

/// <summary>What the client needs to know about the authorization server (RFC 8414).</summary>
/// <param name="Issuer">The issuer identifier.</param>
/// <param name="TokenEndpoint">Where token requests go.</param>
/// <param name="AuthenticationMethods">
/// <c>token_endpoint_auth_methods_supported</c>; <see langword="null"/> when not advertised (RFC 8414 then means
/// <c>client_secret_basic</c>).
/// </param>
/// <param name="SigningAlgorithms"><c>token_endpoint_auth_signing_alg_values_supported</c>, or <see langword="null"/>.</param>
/// <param name="MtlsTokenEndpoint">
/// The <c>token_endpoint</c> of <c>mtls_endpoint_aliases</c> (RFC 8705 §5), where a client that presents a certificate
/// sends its token requests; <see langword="null"/> when the server names none (it then takes them at <paramref name="TokenEndpoint"/>).
/// </param>
internal sealed record AuthorizationServerMetadata(
    Uri? Issuer,
    Uri TokenEndpoint,
    IReadOnlyList<string>? AuthenticationMethods,
    IReadOnlyList<string>? SigningAlgorithms,
    Uri? MtlsTokenEndpoint = null)
{
    /// <summary>Who issues the tokens, as cache keys and tokens record it: the issuer, or the configured token endpoint.</summary>
    public string Authority => (Issuer ?? TokenEndpoint).AbsoluteUri;

    /// <summary>Where a token request goes: the mTLS alias for a client presenting a certificate, if the server has one.</summary>
    public Uri TokenEndpointFor(ClientCertificate? certificate) => certificate is null ? TokenEndpoint : MtlsTokenEndpoint ?? TokenEndpoint;
}
