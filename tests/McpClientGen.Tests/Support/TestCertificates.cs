using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace McpClientGen.Tests.Support;

/// <summary>Client certificates for the mutual-TLS tests, on P-256 keys (instant to make), valid from a day ago for a year.</summary>
internal static class TestCertificates
{
    /// <summary>A self-signed TLS client certificate with its private key.</summary>
    public static X509Certificate2 SelfSigned(string subject = "CN=test client")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return ClientRequest(subject, key).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    /// <summary>A client certificate with its private key, issued by a new CA, and that CA's certificate (without its key).</summary>
    public static (X509Certificate2 Client, X509Certificate2 Authority) IssuedByCertificateAuthority()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var authority = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddYears(2));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var issued = ClientRequest("CN=test client issued by a CA", key)
            .Create(authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), RandomNumberGenerator.GetBytes(8));
        return (issued.CopyWithPrivateKey(key), PublicPart(authority));
    }

    /// <summary>The certificate alone, as a server or a trust store holds it.</summary>
    public static X509Certificate2 PublicPart(X509Certificate2 certificate) =>
#if NET9_0_OR_GREATER
        X509CertificateLoader.LoadCertificate(certificate.RawData);
#else
        new(certificate.RawData);
#endif

    private static CertificateRequest ClientRequest(string subject, ECDsa key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        return request;
    }
}
