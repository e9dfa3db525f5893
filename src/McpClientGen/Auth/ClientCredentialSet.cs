namespace McpClientGen;

/// <summary>
/// The credentials in force: the options that carry the secret or key, and the assertion factory for a key
/// (loaded once, so a bad key fails when it is configured rather than at the next token request).
/// </summary>
internal sealed record ClientCredentialSet(McpConnectionOptions Options, ClientAssertionFactory? Assertions)
{
    public static ClientCredentialSet From(McpConnectionOptions options, TimeProvider timeProvider)
    {
        if (string.IsNullOrWhiteSpace(options.PrivateKey) && options.SigningCertificate is null)
        {
            return new ClientCredentialSet(options, null);
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

        return new ClientCredentialSet(options, assertions);
    }

    /// <inheritdoc />
    public override string ToString() => $"ClientCredentialSet({Options.ClientId}, {(Assertions is null ? "secret" : "key")})";
}
