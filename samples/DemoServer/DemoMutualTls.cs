using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace McpClientGen.DemoServer;

/// <summary>
/// The mutual-TLS side of a stack started with <see cref="DemoStackOptions.MutualTls"/>: the servers' self-signed TLS
/// certificate, which clients must be told to trust, and the two clients that authenticate by certificate, one per
/// RFC 8705 method. All certificates are new for every stack and disposed with it.
/// </summary>
public sealed class DemoMutualTls
{
    /// <summary>The client id of <see cref="SelfSigned"/>.</summary>
    public const string SelfSignedClientId = "demo-mtls-self-signed";

    /// <summary>The client id of <see cref="Pki"/>.</summary>
    public const string PkiClientId = "demo-mtls-pki";

    /// <summary>The host name the <see cref="Pki"/> client's certificates are issued for, and its registered redirect URI's host.</summary>
    internal const string PkiClientHost = "demo-mtls-pki.client.test";

    private DemoMutualTls(
        X509Certificate2 serverCertificate, X509Certificate2 rootAuthority, X509Certificate2 intermediateAuthority, DemoMtlsClient selfSigned, DemoMtlsClient pki)
    {
        ServerCertificateWithKey = serverCertificate;
        RootAuthority = rootAuthority;
        IntermediateAuthority = intermediateAuthority;
        ServerCertificate = DemoCertificates.PublicPart(serverCertificate);
        SelfSigned = selfSigned;
        Pki = pki;
    }

    /// <summary>
    /// The TLS certificate of both hosts' HTTPS listeners (self-signed, for <c>127.0.0.1</c>), without its private key:
    /// what a client adds to the certificates it trusts.
    /// </summary>
    public X509Certificate2 ServerCertificate { get; }

    /// <summary><c>demo-mtls-self-signed</c>: <c>self_signed_tls_client_auth</c>, its two certificates registered with the server.</summary>
    public DemoMtlsClient SelfSigned { get; }

    /// <summary>
    /// <c>demo-mtls-pki</c>: <c>tls_client_auth</c>, with certificates for <c>demo-mtls-pki.client.test</c> issued by an
    /// intermediate CA under a root CA that the authorization server trusts.
    /// </summary>
    public DemoMtlsClient Pki { get; }

    /// <summary>The servers' certificate with its private key.</summary>
    internal X509Certificate2 ServerCertificateWithKey { get; }

    /// <summary>The root CA the authorization server trusts for <c>tls_client_auth</c>, without its key.</summary>
    internal X509Certificate2 RootAuthority { get; }

    /// <summary>The intermediate CA registered with the <see cref="Pki"/> client, without its key.</summary>
    internal X509Certificate2 IntermediateAuthority { get; }

    /// <summary>A certificate's <c>x5t#S256</c> (base64url SHA-256 of its DER encoding), as a <c>cnf</c> claim names it (RFC 8705 §3.1).</summary>
    /// <param name="certificate">Any certificate.</param>
    /// <returns>The thumbprint.</returns>
    public static string ThumbprintOf(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Base64UrlEncoder.Encode(SHA256.HashData(certificate.RawData));
    }

    /// <inheritdoc />
    public override string ToString() => $"DemoMutualTls {{ {SelfSigned.ClientId}, {Pki.ClientId} }}";

    internal static DemoMutualTls Create()
    {
        // The CAs' private keys are needed only to issue the certificates, here.
        using var root = DemoCertificates.RootAuthority("McpClientGen demo root CA");
        using var intermediate = DemoCertificates.IntermediateAuthority("McpClientGen demo client CA", root);
        return new DemoMutualTls(
            DemoCertificates.Server(),
            DemoCertificates.PublicPart(root),
            DemoCertificates.PublicPart(intermediate),
            new DemoMtlsClient(
                SelfSignedClientId,
                "self_signed_tls_client_auth",
                DemoCertificates.SelfSignedClient(SelfSignedClientId, 1),
                DemoCertificates.SelfSignedClient(SelfSignedClientId, 2)),
            new DemoMtlsClient(
                PkiClientId,
                "tls_client_auth",
                DemoCertificates.IssuedClient(intermediate, PkiClientId, PkiClientHost),
                DemoCertificates.IssuedClient(intermediate, PkiClientId, PkiClientHost)));
    }

    internal void DisposeCertificates()
    {
        SelfSigned.DisposeCertificates();
        Pki.DisposeCertificates();
        ServerCertificate.Dispose();
        ServerCertificateWithKey.Dispose();
        RootAuthority.Dispose();
        IntermediateAuthority.Dispose();
    }
}
