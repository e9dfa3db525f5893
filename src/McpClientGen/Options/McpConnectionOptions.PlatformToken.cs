namespace McpClientGen;

/// <summary>The workload's platform token: the credential of clients that hold no secret.</summary>
public sealed partial class McpConnectionOptions
{
    /// <summary>
    /// The file holding the platform-issued token (a JWT) of the workload: a Kubernetes projected service-account token,
    /// or Microsoft Entra workload identity's <c>AZURE_FEDERATED_TOKEN_FILE</c>. It is read afresh for every token
    /// request (rare: once per access-token lifetime), so a token the platform rotated is never missed and a stale one
    /// never sent; the platform should replace the file atomically, as Kubernetes does. Used as the client assertion
    /// (<see cref="ClientAuthenticationMethod.PlatformAssertion"/>) or as the grant (<see cref="TokenGrantType.JwtBearer"/>).
    /// The path is not secret; the token is never logged or shown.
    /// </summary>
    public string? PlatformTokenFile { get; set; }

    /// <summary>
    /// Gets the workload's platform token in code, for platforms that hand it out from an endpoint (GitHub Actions OIDC,
    /// a cloud metadata service). Called for every token request, so it may fetch a new token each time or cache one
    /// itself. Set in code; use instead of <see cref="PlatformTokenFile"/>.
    /// </summary>
    public Func<CancellationToken, ValueTask<string>>? PlatformTokenProvider { get; set; }

    /// <summary>
    /// The grant of token requests. Default <see cref="TokenGrantType.ClientCredentials"/>;
    /// <see cref="TokenGrantType.JwtBearer"/> exchanges the platform token itself (MCP workload identity federation).
    /// </summary>
    public TokenGrantType GrantType { get; set; }

    /// <summary>Whether a platform token (file or provider) is configured.</summary>
    internal bool HasPlatformToken => !string.IsNullOrWhiteSpace(PlatformTokenFile) || PlatformTokenProvider is not null;

    /// <summary>The client id, or what stands for it (in logs and cache keys) when the JWT-bearer grant goes without one.</summary>
    internal string ClientLabel => ClientId ?? "(workload identity, no client id)";

    /// <summary>
    /// Whether tokens may go to <see cref="SharedTokenStore"/>: only when the client id says whose they are. A JWT-bearer
    /// grant without one is known only by its platform token, which changes with every rotation and cannot be part of a
    /// key; two services of that kind would share one entry, so their tokens stay in the process.
    /// </summary>
    internal bool SharesTokens => SharedTokenStore is not null && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>
    /// The platform token is the only credential when configured: a secret or key beside it would leave it unclear which
    /// one the server sees, and the JWT-bearer grant takes no client authentication of its own.
    /// </summary>
    private void ValidatePlatformTokenUse(bool hasKey, bool hasSecret)
    {
        if (!string.IsNullOrWhiteSpace(PlatformTokenFile) && PlatformTokenProvider is not null)
        {
            throw Invalid($"set either {nameof(PlatformTokenFile)} or {nameof(PlatformTokenProvider)}, not both.");
        }

        if (hasKey || hasSecret)
        {
            throw Invalid(
                $"a platform token ({nameof(PlatformTokenFile)} or {nameof(PlatformTokenProvider)}) is the client's only credential; " +
                $"remove {(hasSecret ? $"{nameof(ClientSecret)} or {nameof(ClientSecretFile)}" : $"{nameof(PrivateKey)}, {nameof(PrivateKeyFile)} and {nameof(SigningCertificate)}")}.");
        }

        if (GrantType == TokenGrantType.JwtBearer && ClientAuthentication != ClientAuthenticationMethod.Auto)
        {
            throw Invalid(
                $"{nameof(GrantType)} JwtBearer sends the platform token as the grant, with no client authentication; leave {nameof(ClientAuthentication)} at Auto.");
        }

        if (GrantType == TokenGrantType.ClientCredentials
            && ClientAuthentication is not (ClientAuthenticationMethod.Auto or ClientAuthenticationMethod.PlatformAssertion))
        {
            throw Invalid(
                $"{nameof(ClientAuthentication)} {ClientAuthentication} cannot use a platform token; set it to PlatformAssertion (or Auto).");
        }
    }
}
