namespace McpClientGen;

/// <summary>
/// The credentials in force: the options that carry the secret or key (read from their files, when configured as
/// files), the assertion factory for a key and the client certificate (both loaded once, so a bad key or certificate
/// fails when it is configured rather than at the next token request), the source of a platform token, and the
/// credential files as read, to tell when they change.
/// </summary>
internal sealed record ClientCredentialSet(
    McpConnectionOptions Options, ClientAssertionFactory? Assertions, ClientCertificate? Certificate, PlatformTokenSource? PlatformTokens = null)
{
    /// <summary>The options as configured: with the file paths, not their content.</summary>
    private McpConnectionOptions Configured { get; init; } = Options;

    private CredentialFileSnapshot? Files { get; init; }

    private TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The <see cref="McpClientGen.CredentialFingerprint"/> of the secret or key, for cache keys.</summary>
    public string? Fingerprint { get; private init; }

    /// <summary>The credential files and their options, for log lines; empty when none is configured.</summary>
    public string FileDescription => Files?.Description ?? "";

    public static ClientCredentialSet From(McpConnectionOptions options, TimeProvider timeProvider) =>
        From(options, CredentialFileSnapshot.Read(options), timeProvider);

    /// <summary>
    /// The credentials with the files' current content: this set when no file changed (or none is configured), else a
    /// set loaded from the new content. Reading a few small files costs little next to the token request it precedes.
    /// </summary>
    /// <exception cref="InvalidOperationException">A file is gone, or its new content is no usable secret, key or certificate.</exception>
    public ClientCredentialSet Reread()
    {
        if (Files is null || Files.IsEmpty)
        {
            return this;
        }

        var current = CredentialFileSnapshot.Read(Configured);
        return current.SameContentAs(Files) ? this : From(Configured, current, TimeProvider);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"ClientCredentialSet({Options.ClientLabel}, {(PlatformTokens is not null ? PlatformTokens.Description : Assertions is null ? "secret" : "key")}{(Certificate is null ? "" : $", {Certificate}")})";

    /// <summary>The platform token for one token request, read afresh; <see langword="null"/> when none is configured.</summary>
    /// <exception cref="McpAuthenticationException">The platform token is missing, empty, not a JWT or expired.</exception>
    public async Task<PlatformToken?> ReadPlatformTokenAsync(CancellationToken cancellationToken) =>
        PlatformTokens is null ? null : await PlatformTokens.ReadAsync(cancellationToken).ConfigureAwait(false);

    private static ClientCredentialSet From(McpConnectionOptions configured, CredentialFileSnapshot files, TimeProvider timeProvider)
    {
        var options = files.ApplyTo(configured);
        var certificate = ClientCertificateLoader.Load(options);
        var set = string.IsNullOrWhiteSpace(options.PrivateKey) && options.SigningCertificate is null
            ? new ClientCredentialSet(options, null, certificate, PlatformTokenSource.From(options, timeProvider))
            : new ClientCredentialSet(options, KeyAssertions(options, timeProvider), certificate);
        return set with { Configured = configured, Files = files, TimeProvider = timeProvider, Fingerprint = CredentialFingerprint.Of(options) };
    }

    private static ClientAssertionFactory KeyAssertions(McpConnectionOptions options, TimeProvider timeProvider)
    {
        ClientAssertionFactory assertions;
        try
        {
            assertions = new ClientAssertionFactory(SigningKeyLoader.Load(options), timeProvider);
        }
        catch (InvalidOperationException unusable) when (!string.IsNullOrWhiteSpace(options.PrivateKeyFile))
        {
            // The loader speaks of the PrivateKey; say which file it came from.
            const string Prefix = "Invalid McpConnectionOptions: ";
            throw new InvalidOperationException(
                $"{Prefix}the {nameof(McpConnectionOptions.PrivateKeyFile)} '{options.PrivateKeyFile}' was read as the {nameof(McpConnectionOptions.PrivateKey)}, and " +
                unusable.Message[(unusable.Message.StartsWith(Prefix, StringComparison.Ordinal) ? Prefix.Length : 0)..],
                unusable);
        }

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

        return assertions;
    }
}
