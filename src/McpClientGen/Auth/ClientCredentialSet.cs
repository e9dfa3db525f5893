namespace McpClientGen;

/// <summary>
/// The credentials in force: the options that carry the secret or key, the assertion factory for a key and the client
/// certificate (both loaded once, so a bad key or certificate fails when it is configured rather than at the next token
/// request).
/// </summary>
internal sealed record ClientCredentialSet(McpConnectionOptions Options, ClientAssertionFactory? Assertions, ClientCertificate? Certificate)
{
    public static ClientCredentialSet From(McpConnectionOptions options, TimeProvider timeProvider)
    {
        var certificate = ClientCertificateLoader.Load(options);
        if (string.IsNullOrWhiteSpace(options.PrivateKey) && options.SigningCertificate is null)
        {
            return new ClientCredentialSet(options, null, certificate);
        }

        var assertions = new ClientAssertionFactory(SigningKeyLoader.Load(options), timeProvider);
        try
        {
            // One signature now, so a key that cannot sign with its algorithm fails here, not at every token request.
            _ = assertions.Create("probe", "probe");
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException(
                $"Invalid McpConnectionOptions: the PrivateKey cannot sign with {assertions.Algorithm}; check SigningAlgorithm and the key.");
        }

        return new ClientCredentialSet(options, assertions, certificate);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"ClientCredentialSet({Options.ClientId}{(Assertions is null ? "" : ", key")}{(Certificate is null ? "" : $", {Certificate}")})";
}
