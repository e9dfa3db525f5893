namespace McpClientGen;

/// <summary>The client secret and the private key as files, as Kubernetes and Docker mount secrets.</summary>
public sealed partial class McpConnectionOptions
{
    /// <summary>
    /// The file holding the client secret, such as a Kubernetes secret volume's file or a Docker secret
    /// (<c>/run/secrets/...</c>); a line break at its end is ignored. Use instead of <see cref="ClientSecret"/>. The file
    /// is read again for every token request (rare: once per access-token lifetime), so a secret the platform rotated is
    /// used without a restart. The path is not secret; the file's content is never logged or shown.
    /// </summary>
    public string? ClientSecretFile { get; set; }

    /// <summary>
    /// The file holding the private key for <c>private_key_jwt</c>, in any form <see cref="PrivateKey"/> takes (PEM or a
    /// private JWK; <see cref="PrivateKeyPassword"/> and <see cref="PrivateKeyId"/> apply). Use instead of
    /// <see cref="PrivateKey"/>. Like <see cref="ClientSecretFile"/>, it is read again for every token request, and a
    /// changed key is used from then on. The path is not secret; the key is never logged or shown.
    /// </summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>Whether a client secret is configured, inline or as a file.</summary>
    internal bool HasClientSecret => !string.IsNullOrEmpty(ClientSecret) || !string.IsNullOrWhiteSpace(ClientSecretFile);

    /// <summary>Whether a signing key is configured: inline, as a file, or as a certificate.</summary>
    internal bool HasSigningKey => !string.IsNullOrWhiteSpace(PrivateKey) || !string.IsNullOrWhiteSpace(PrivateKeyFile) || SigningCertificate is not null;

    /// <summary>
    /// One source per credential, and the files there: a missing file is reported now, naming the option and the path,
    /// rather than at the first token request. The files are not read here; their content is checked when it is loaded.
    /// </summary>
    private void ValidateCredentialFiles()
    {
        if (!string.IsNullOrWhiteSpace(ClientSecretFile) && !string.IsNullOrEmpty(ClientSecret))
        {
            throw Invalid($"set either {nameof(ClientSecret)} or {nameof(ClientSecretFile)}, not both.");
        }

        var keySources = new[]
        {
            (nameof(PrivateKey), !string.IsNullOrWhiteSpace(PrivateKey)),
            (nameof(PrivateKeyFile), !string.IsNullOrWhiteSpace(PrivateKeyFile)),
            (nameof(SigningCertificate), SigningCertificate is not null),
        }.Where(source => source.Item2).Select(source => source.Item1).ToList();
        if (keySources.Count > 1)
        {
            throw Invalid($"set one signing key, not {string.Join(" and ", keySources)}.");
        }

        foreach (var (option, path) in new[] { (nameof(ClientSecretFile), ClientSecretFile), (nameof(PrivateKeyFile), PrivateKeyFile) })
        {
            if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
            {
                throw Invalid($"the {option} '{path}' does not exist; check the path and that the secret is mounted there.");
            }
        }
    }
}
