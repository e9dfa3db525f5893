namespace McpClientGen;

/// <summary>
/// The credentials in force: the options that carry the secret or key, and the assertion factory for a key
/// (loaded once, so a bad key fails when it is configured rather than at the next token request).
/// </summary>
internal sealed record ClientCredentialSet(McpConnectionOptions Options, ClientAssertionFactory? Assertions)
{
    public static ClientCredentialSet From(McpConnectionOptions options, TimeProvider timeProvider) =>
        new(
            options,
            !string.IsNullOrWhiteSpace(options.PrivateKey) || options.SigningCertificate is not null
                ? new ClientAssertionFactory(SigningKeyLoader.Load(options), timeProvider)
                : null);

    /// <inheritdoc />
    public override string ToString() => $"ClientCredentialSet({Options.ClientId}, {(Assertions is null ? "secret" : "key")})";
}
