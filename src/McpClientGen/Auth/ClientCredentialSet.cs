namespace McpClientGen;

/// <summary>
/// The credentials in force: the options that carry the secret or key, the assertion factory for a key and the client
/// certificate (both loaded once, so a bad key or certificate fails when it is configured rather than at the next token
/// request), and the source of a platform token.
/// </summary>
internal sealed record ClientCredentialSet(
    McpConnectionOptions Options, ClientAssertionFactory? Assertions, ClientCertificate? Certificate, PlatformTokenSource? PlatformTokens = null)
{
    public static ClientCredentialSet From(McpConnectionOptions options, TimeProvider timeProvider)
    {
        var certificate = ClientCertificateLoader.Load(options);
        if (string.IsNullOrWhiteSpace(options.PrivateKey) && options.SigningCertificate is null)
        {
            return new ClientCredentialSet(options, null, certificate, PlatformTokenSource.From(options, timeProvider));
        }

        var assertions = new ClientAssertionFactory(SigningKeyLoader.Load(options), timeProvider);
        var algorithm = SigningAlgorithmChoice.Default(assertions.SigningKey);
        try
        {
            // One signature now, so a key that cannot sign with its algorithm fails here, not at every token request.
            _ = assertions.Create("probe", "probe", algorithm);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException(
                $"Invalid McpConnectionOptions: the PrivateKey cannot sign with {algorithm}; check SigningAlgorithm and the key.");
        }

        return new ClientCredentialSet(options, assertions, certificate);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"ClientCredentialSet({Options.ClientLabel}, {(PlatformTokens is not null ? PlatformTokens.Description : Assertions is null ? "secret" : "key")}{(Certificate is null ? "" : $", {Certificate}")})";

    /// <summary>The platform token for one token request, read afresh; <see langword="null"/> when none is configured.</summary>
    /// <exception cref="McpAuthenticationException">The platform token is missing, empty, not a JWT or expired.</exception>
    public async Task<PlatformToken?> ReadPlatformTokenAsync(CancellationToken cancellationToken) =>
        PlatformTokens is null ? null : await PlatformTokens.ReadAsync(cancellationToken).ConfigureAwait(false);
}
