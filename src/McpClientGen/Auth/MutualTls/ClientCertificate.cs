using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace McpClientGen;

/// <summary>
/// The client's TLS certificate (RFC 8705), with its private key and the intermediates to send with it, and the
/// <c>x5t#S256</c> thumbprint that certificate-bound access tokens name in their <c>cnf</c> claim. <see cref="ToString"/>
/// shows the subject and thumbprint, never the key.
/// </summary>
internal sealed class ClientCertificate
{
    public ClientCertificate(X509Certificate2 certificate, X509Certificate2Collection intermediates)
    {
        Certificate = certificate;
        Intermediates = intermediates;
        Thumbprint = ThumbprintOf(certificate);
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The chain up to (not including) the root, sent in the handshake so the server can build it.</summary>
    public X509Certificate2Collection Intermediates { get; }

    /// <summary>The base64url SHA-256 of the certificate's DER encoding: the <c>x5t#S256</c> of RFC 8705 §3.1.</summary>
    public string Thumbprint { get; }

    /// <summary>Whether the certificate is issued by its own subject, as <c>self_signed_tls_client_auth</c> expects.</summary>
    public bool IsSelfIssued => Certificate.SubjectName.RawData.AsSpan().SequenceEqual(Certificate.IssuerName.RawData);

    /// <summary>The <c>x5t#S256</c> of any certificate (RFC 7515 §4.1.8, RFC 8705 §3.1).</summary>
    public static string ThumbprintOf(X509Certificate2 certificate) => Base64UrlEncoder.Encode(SHA256.HashData(certificate.RawData));

    /// <inheritdoc />
    public override string ToString() => $"ClientCertificate({Certificate.Subject}, x5t#S256 {Thumbprint})";
}
