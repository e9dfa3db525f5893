using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace McpClientGen.Tests.Support;

/// <summary>
/// Certificates for the mutual-TLS tests, on P-256 keys (instant to make), valid from a day ago for a year: TLS client
/// certificates by default, or TLS server certificates (<see cref="ServerUsage"/>).
/// </summary>
internal static class TestCertificates
{
    /// <summary>The extended key usage of TLS client certificates.</summary>
    public const string ClientUsage = "1.3.6.1.5.5.7.3.2";

    /// <summary>The extended key usage of TLS server certificates.</summary>
    public const string ServerUsage = "1.3.6.1.5.5.7.3.1";

    /// <summary>A self-signed certificate with its private key.</summary>
    public static X509Certificate2 SelfSigned(string subject = "CN=test client", string usage = ClientUsage)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return EndEntityRequest(subject, key, usage).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    /// <summary>A certificate with its private key, issued by a new CA, and that CA's certificate (without its key).</summary>
    public static (X509Certificate2 Certificate, X509Certificate2 Authority) IssuedByCertificateAuthority(string usage = ClientUsage)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var authority = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddYears(2));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var issued = EndEntityRequest("CN=test certificate issued by a CA", key, usage)
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

    private static CertificateRequest EndEntityRequest(string subject, ECDsa key, string usage)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        return request;
    }
}
