using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace McpClientGen.IntegrationTests.Support;

/// <summary>
/// A temporary folder of client certificate files, written the ways <c>ClientCertificatePath</c> accepts them (PEM with
/// the key inside or beside it, PKCS#12 with a password), as a secret store or a mounted volume would hold them.
/// Deleted on dispose.
/// </summary>
internal sealed class CertificateFiles : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("mcpgen-mtls-");

    /// <summary>One PEM file: the certificate, then its PKCS#8 private key.</summary>
    public string Pem(X509Certificate2 certificate, string name) =>
        Write(name + ".pem", certificate.ExportCertificatePem() + "\n" + PrivateKeyPem(certificate));

    /// <summary>The certificate's PEM file and its private key's PEM file.</summary>
    public (string Certificate, string Key) PemPair(X509Certificate2 certificate, string name) =>
        (Write(name + ".crt", certificate.ExportCertificatePem()), Write(name + ".key", PrivateKeyPem(certificate)));

    /// <summary>A PKCS#12 file of the certificate and its key, encrypted with <paramref name="password"/>.</summary>
    public string Pfx(X509Certificate2 certificate, string name, string password)
    {
        var path = Path.Combine(_directory.FullName, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static string PrivateKeyPem(X509Certificate2 certificate)
    {
        using var key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey()
            ?? throw new ArgumentException("The certificate has no RSA or EC private key.", nameof(certificate));
        return key.ExportPkcs8PrivateKeyPem();
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
