using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace McpClientGen.DemoServer;

/// <summary>
/// Makes the X.509 certificates of a mutual-TLS stack, valid for a week from five minutes ago: the servers' TLS
/// certificate, self-signed client certificates, and a two-level certificate authority with the client certificates it
/// issues. Keys are P-256 (instant to generate), except those OpenIddict must read from a client's JSON Web Key Set,
/// which are the shared RSA keys of <see cref="SharedRsaKeys"/>.
/// </summary>
internal static class DemoCertificates
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    /// <summary>The TLS server certificate of both hosts: self-signed, for <c>127.0.0.1</c> and <c>localhost</c>.</summary>
    public static X509Certificate2 Server()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = EndEntityRequest(new CertificateRequest("CN=McpClientGen demo server", key, HashAlgorithmName.SHA256), ServerAuthentication);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        return SelfSigned(request);
    }

    /// <summary>
    /// A self-signed client certificate, as <c>self_signed_tls_client_auth</c> (RFC 8705 §2.2) registers it. A client's
    /// certificates share a key, so each needs a subject of its own: with the same subject, a chain builder would take one
    /// for the issuer of the other, and the server would not see a self-signed certificate.
    /// </summary>
    public static X509Certificate2 SelfSignedClient(string clientId, int number) =>
        SelfSigned(EndEntityRequest(RsaRequest($"CN={clientId}, OU=certificate {number}", SharedRsaKeys.TlsClientKey), ClientAuthentication));

    /// <summary>A root certificate authority.</summary>
    public static X509Certificate2 RootAuthority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return SelfSigned(AuthorityRequest(new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256), isRoot: true));
    }

    /// <summary>An intermediate certificate authority that <paramref name="root"/> signs and that may sign end-entity certificates only.</summary>
    public static X509Certificate2 IntermediateAuthority(string name, X509Certificate2 root) =>
        IssuedBy(root, AuthorityRequest(RsaRequest($"CN={name}", SharedRsaKeys.ClientAuthorityKey), isRoot: false), SharedRsaKeys.ClientAuthorityKey);

    /// <summary>A client certificate issued by <paramref name="issuer"/>, naming <paramref name="dnsName"/>, for <c>tls_client_auth</c>.</summary>
    public static X509Certificate2 IssuedClient(X509Certificate2 issuer, string clientId, string dnsName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = EndEntityRequest(new CertificateRequest($"CN={clientId}", key, HashAlgorithmName.SHA256), ClientAuthentication);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        request.CertificateExtensions.Add(names.Build());
        return IssuedBy(issuer, request, key);
    }

    /// <summary>The certificate without its private key, as a server is told about it.</summary>
    public static X509Certificate2 PublicPart(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);

    private static CertificateRequest RsaRequest(string subject, RSA key) => new(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    private static CertificateRequest EndEntityRequest(CertificateRequest request, string usage)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        return request;
    }

    private static CertificateRequest AuthorityRequest(CertificateRequest request, bool isRoot)
    {
        // An intermediate may issue end-entity certificates only (path length 0).
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, hasPathLengthConstraint: !isRoot, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static X509Certificate2 SelfSigned(CertificateRequest request)
    {
        var (notBefore, notAfter) = Validity();
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    private static X509Certificate2 IssuedBy(X509Certificate2 issuer, CertificateRequest request, AsymmetricAlgorithm key)
    {
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var (notBefore, notAfter) = Validity();
        var issuerNotAfter = new DateTimeOffset(issuer.NotAfter);
        // The generator signs with the issuer's key, whatever its algorithm, which may differ from the new certificate's.
        using var issuerKey = (AsymmetricAlgorithm?)issuer.GetECDsaPrivateKey() ?? issuer.GetRSAPrivateKey()!;
        var generator = issuerKey is ECDsa ecIssuer
            ? X509SignatureGenerator.CreateForECDsa(ecIssuer)
            : X509SignatureGenerator.CreateForRSA((RSA)issuerKey, RSASignaturePadding.Pkcs1);
        using var issued = request.Create(
            issuer.SubjectName, generator, notBefore, notAfter < issuerNotAfter ? notAfter : issuerNotAfter, RandomNumberGenerator.GetBytes(16));
        return key switch
        {
            RSA rsa => issued.CopyWithPrivateKey(rsa),
            ECDsa ec => issued.CopyWithPrivateKey(ec),
            _ => throw new ArgumentException("Only RSA and EC keys are used here.", nameof(key)),
        };
    }

    // Backdated a little so a peer checking the validity period is not tripped by clock granularity.
    private static (DateTimeOffset NotBefore, DateTimeOffset NotAfter) Validity()
    {
        var today = DateTimeOffset.UtcNow;
        return (today.AddMinutes(-5), today.AddDays(7));
    }
}
