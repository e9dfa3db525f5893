using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace McpClientGen;

/// <summary>
/// Loads the client certificate the options name: one set in code, a PEM or PKCS#12 file, or one in the certificate
/// store by thumbprint. The certificate must come with its private key. Errors name the option to fix and never
/// repeat a key or a password.
/// </summary>
internal static class ClientCertificateLoader
{
    /// <summary>The certificate, or <see langword="null"/> when none is configured.</summary>
    /// <exception cref="InvalidOperationException">The certificate cannot be loaded or has no private key.</exception>
    public static ClientCertificate? Load(McpConnectionOptions options)
    {
        if (options.ClientCertificate is { } certificate)
        {
            return WithPrivateKey(new ClientCertificate(certificate, []), nameof(McpConnectionOptions.ClientCertificate));
        }

        if (!string.IsNullOrWhiteSpace(options.ClientCertificatePath))
        {
            return WithPrivateKey(FromFile(options.ClientCertificatePath, options.ClientCertificateKeyPath, options.ClientCertificatePassword), nameof(McpConnectionOptions.ClientCertificatePath));
        }

        return string.IsNullOrWhiteSpace(options.ClientCertificateThumbprint)
            ? null
            : WithPrivateKey(FromStore(options.ClientCertificateThumbprint, options.ClientCertificateStoreLocation), nameof(McpConnectionOptions.ClientCertificateThumbprint));
    }

    private static ClientCertificate FromFile(string path, string? keyPath, string? password)
    {
        foreach (var file in keyPath is null ? [path] : new[] { path, keyPath })
        {
            if (!File.Exists(file))
            {
                throw Invalid($"the file '{file}' ({(file == path ? nameof(McpConnectionOptions.ClientCertificatePath) : nameof(McpConnectionOptions.ClientCertificateKeyPath))}) does not exist.");
            }
        }

        try
        {
            return File.ReadAllText(path).Contains("-----BEGIN ", StringComparison.Ordinal)
                ? FromPem(path, keyPath, password)
                : FromPkcs12(File.ReadAllBytes(path), password, path);
        }
        catch (CryptographicException)
        {
            // The exception's own message is left out: its wording varies by platform, and the fix is one of these.
            throw Invalid(
                $"the {nameof(McpConnectionOptions.ClientCertificatePath)} '{path}' could not be read as a PEM certificate with its private key " +
                $"(in the same file or in {nameof(McpConnectionOptions.ClientCertificateKeyPath)}) or as a PKCS#12 (.pfx) file; " +
                $"check the files and {nameof(McpConnectionOptions.ClientCertificatePassword)}.");
        }
    }

    /// <summary>A PEM certificate (first block), its key (same file or <paramref name="keyPath"/>), and any further certificates as its chain.</summary>
    private static ClientCertificate FromPem(string path, string? keyPath, string? password)
    {
        var leaf = password is null
            ? X509Certificate2.CreateFromPemFile(path, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
        var chain = new X509Certificate2Collection();
        chain.ImportFromPemFile(path);
        chain.RemoveAt(0);
        return new ClientCertificate(UsableForTls(leaf), chain);
    }

    /// <summary>The certificate with a private key in a PKCS#12 file; the file's other certificates are its chain.</summary>
    private static ClientCertificate FromPkcs12(byte[] pkcs12, string? password, string path)
    {
        var all = LoadPkcs12Collection(pkcs12, password);
        var leaf = all.FirstOrDefault(certificate => certificate.HasPrivateKey)
            ?? throw Invalid($"the PKCS#12 file '{path}' ({nameof(McpConnectionOptions.ClientCertificatePath)}) holds no certificate with a private key.");
        all.Remove(leaf);
        return new ClientCertificate(leaf, all);
    }

    private static ClientCertificate FromStore(string thumbprint, StoreLocation location)
    {
        // Windows shows thumbprints with spaces and sometimes an invisible mark copied along; keep hex digits only.
        var hex = new string(thumbprint.Where(char.IsAsciiHexDigit).ToArray());
        using var store = new X509Store(StoreName.My, location);
        X509Certificate2Collection found;
        try
        {
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            found = store.Certificates.Find(X509FindType.FindByThumbprint, hex, validOnly: false);
        }
        catch (CryptographicException)
        {
            // A store that does not exist (yet) holds no certificate.
            found = [];
        }

        return found.Count == 1
            ? new ClientCertificate(found[0], [])
            : throw Invalid(
                $"{(found.Count == 0 ? "no" : "more than one")} certificate with the {nameof(McpConnectionOptions.ClientCertificateThumbprint)} '{hex}' is in the " +
                $"{location}/My certificate store ({nameof(McpConnectionOptions.ClientCertificateStoreLocation)}).");
    }

    private static ClientCertificate WithPrivateKey(ClientCertificate certificate, string option) =>
        certificate.Certificate.HasPrivateKey
            ? certificate
            : throw Invalid($"the {option} certificate ({certificate.Certificate.Subject}) has no private key; TLS client authentication needs it.");

    /// <summary>
    /// Windows' TLS (SChannel) cannot use a private key that lives only in memory, as one read from PEM does; a
    /// PKCS#12 round trip gives it a key it can use. Other platforms use the certificate as it is.
    /// </summary>
    private static X509Certificate2 UsableForTls(X509Certificate2 certificate)
    {
        if (!OperatingSystem.IsWindows())
        {
            return certificate;
        }

        using (certificate)
        {
            return LoadPkcs12Collection(certificate.Export(X509ContentType.Pkcs12), null)[0];
        }
    }

    private static X509Certificate2Collection LoadPkcs12Collection(byte[] pkcs12, string? password)
    {
#if NET9_0_OR_GREATER
        return X509CertificateLoader.LoadPkcs12Collection(pkcs12, password);
#else
        var collection = new X509Certificate2Collection();
        collection.Import(pkcs12, password, X509KeyStorageFlags.DefaultKeySet);
        return collection;
#endif
    }

    private static InvalidOperationException Invalid(string problem) => new("Invalid McpConnectionOptions: " + problem);
}
