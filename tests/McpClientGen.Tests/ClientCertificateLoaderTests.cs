using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using McpClientGen.Tests.Support;

namespace McpClientGen.Tests;

/// <summary>
/// Loading the client certificate for mutual TLS from each source the options offer (in code, PEM files, a PKCS#12
/// file, the certificate store), with its private key and chain, and the errors for a wrong file, password or key,
/// which name the option to fix and never the password.
/// </summary>
public sealed class ClientCertificateLoaderTests : IDisposable
{
    private const string Password = "pfx-password-0c9e";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("mcpgen-certificates-");

    [Fact]
    public void A_PEM_file_with_the_certificate_and_its_key_loads_with_the_key()
    {
        using var certificate = TestCertificates.SelfSigned();
        var path = Write("client.pem", certificate.ExportCertificatePem() + "\n" + PrivateKeyPem(certificate));

        var loaded = Load(new McpConnectionOptions { ClientCertificatePath = path });

        Assert.True(loaded.Certificate.HasPrivateKey);
        Assert.Equal(ClientCertificate.ThumbprintOf(certificate), loaded.Thumbprint);
        Assert.Empty(loaded.Intermediates);
        Assert.True(loaded.IsSelfIssued);
    }

    [Fact]
    public void A_PEM_chain_with_its_key_in_another_file_loads_the_leaf_and_keeps_the_rest_as_intermediates()
    {
        var (certificate, authority) = TestCertificates.IssuedByCertificateAuthority();
        using (certificate)
        using (authority)
        {
            var path = Write("chain.pem", certificate.ExportCertificatePem() + "\n" + authority.ExportCertificatePem());
            var keyPath = Write("client.key", PrivateKeyPem(certificate));

            var loaded = Load(new McpConnectionOptions { ClientCertificatePath = path, ClientCertificateKeyPath = keyPath });

            Assert.Equal(ClientCertificate.ThumbprintOf(certificate), loaded.Thumbprint);
            Assert.True(loaded.Certificate.HasPrivateKey);
            Assert.Equal(authority.RawData, Assert.Single(loaded.Intermediates).RawData);
            Assert.False(loaded.IsSelfIssued);
        }
    }

    [Fact]
    public void An_encrypted_PEM_key_loads_with_ClientCertificatePassword()
    {
        using var certificate = TestCertificates.SelfSigned();
        using var key = certificate.GetECDsaPrivateKey()!;
        var encrypted = key.ExportEncryptedPkcs8PrivateKeyPem(Password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000));
        var path = Write("client.pem", certificate.ExportCertificatePem() + "\n" + encrypted);

        var loaded = Load(new McpConnectionOptions { ClientCertificatePath = path, ClientCertificatePassword = Password });

        Assert.True(loaded.Certificate.HasPrivateKey);
    }

    [Fact]
    public void A_PKCS12_file_loads_the_certificate_with_a_key_and_its_chain()
    {
        var (certificate, authority) = TestCertificates.IssuedByCertificateAuthority();
        using (certificate)
        using (authority)
        {
            var path = Path.Combine(_directory.FullName, "client.pfx");
            File.WriteAllBytes(path, new X509Certificate2Collection { authority, certificate }.Export(X509ContentType.Pkcs12, Password)!);

            var loaded = Load(new McpConnectionOptions { ClientCertificatePath = path, ClientCertificatePassword = Password });

            Assert.Equal(ClientCertificate.ThumbprintOf(certificate), loaded.Thumbprint);
            Assert.True(loaded.Certificate.HasPrivateKey);
            Assert.Equal(authority.RawData, Assert.Single(loaded.Intermediates).RawData);
        }
    }

    [Fact]
    public void A_wrong_PKCS12_password_is_an_error_naming_the_options_and_not_the_password()
    {
        using var certificate = TestCertificates.SelfSigned();
        var path = Path.Combine(_directory.FullName, "client.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));

        var error = Assert.Throws<InvalidOperationException>(() =>
            Load(new McpConnectionOptions { ClientCertificatePath = path, ClientCertificatePassword = "not-the-password-5d1" }));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(McpConnectionOptions.ClientCertificatePassword), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password-5d1", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_an_error()
    {
        using var certificate = TestCertificates.SelfSigned();
        var path = Write("client.crt", certificate.ExportCertificatePem());
        using var publicOnly = TestCertificates.PublicPart(certificate);

        var fromFile = Assert.Throws<InvalidOperationException>(() => Load(new McpConnectionOptions { ClientCertificatePath = path }));
        var fromCode = Assert.Throws<InvalidOperationException>(() => Load(new McpConnectionOptions { ClientCertificate = publicOnly }));

        Assert.Contains(nameof(McpConnectionOptions.ClientCertificateKeyPath), fromFile.Message, StringComparison.Ordinal);
        Assert.Contains("no private key", fromCode.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(_directory.FullName, "absent.pem");

        var error = Assert.Throws<InvalidOperationException>(() => Load(new McpConnectionOptions { ClientCertificatePath = path }));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_in_the_store_is_found_by_its_thumbprint_as_certificate_tools_print_it()
    {
        using var certificate = TestCertificates.SelfSigned($"CN=mcpgen test {Guid.NewGuid():N}");
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(certificate);
        try
        {
            // Windows shows "ab cd ef …" in lower case; any of these forms must find it.
            var spaced = string.Join(' ', Enumerable.Range(0, certificate.Thumbprint.Length / 2).Select(i => certificate.Thumbprint.Substring(i * 2, 2))).ToLowerInvariant();

            var loaded = Load(new McpConnectionOptions { ClientCertificateThumbprint = spaced, ClientCertificateStoreLocation = StoreLocation.CurrentUser });

            Assert.Equal(ClientCertificate.ThumbprintOf(certificate), loaded.Thumbprint);
            Assert.True(loaded.Certificate.HasPrivateKey);
        }
        finally
        {
            store.Remove(certificate);
        }
    }

    [Fact]
    public void A_thumbprint_not_in_the_store_is_an_error_naming_it_and_the_store()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Load(new McpConnectionOptions { ClientCertificateThumbprint = "00112233445566778899AABBCCDDEEFF00112233" }));

        Assert.Contains("00112233445566778899AABBCCDDEEFF00112233", error.Message, StringComparison.Ordinal);
        Assert.Contains("CurrentUser/My", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static ClientCertificate Load(McpConnectionOptions options) =>
        ClientCertificateLoader.Load(options) ?? throw new Xunit.Sdk.XunitException("No certificate was loaded.");

    private static string PrivateKeyPem(X509Certificate2 certificate)
    {
        using var key = certificate.GetECDsaPrivateKey()!;
        return key.ExportPkcs8PrivateKeyPem();
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
