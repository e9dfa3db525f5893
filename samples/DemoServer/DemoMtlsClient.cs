using System.Security.Cryptography.X509Certificates;

namespace McpClientGen.DemoServer;

/// <summary>
/// A confidential client that authenticates by its TLS client certificate (RFC 8705 §2) and gets access tokens bound to
/// it (§3), with two certificates the authorization server accepts, so a test can rotate from one to the other. Both
/// are new for every stack and disposed with it.
/// </summary>
public sealed class DemoMtlsClient
{
    internal DemoMtlsClient(string clientId, string authenticationMethod, X509Certificate2 certificate, X509Certificate2 rotatedCertificate)
    {
        ClientId = clientId;
        AuthenticationMethod = authenticationMethod;
        Certificate = certificate;
        RotatedCertificate = rotatedCertificate;
    }

    /// <summary>The client id: <c>demo-mtls-self-signed</c> or <c>demo-mtls-pki</c>.</summary>
    public string ClientId { get; }

    /// <summary>The method it is registered for: <c>self_signed_tls_client_auth</c> or <c>tls_client_auth</c>.</summary>
    public string AuthenticationMethod { get; }

    /// <summary>The client certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Another certificate the server accepts for this client, with its private key: what a rotation moves to.</summary>
    public X509Certificate2 RotatedCertificate { get; }

    /// <inheritdoc />
    public override string ToString() => $"DemoMtlsClient {{ ClientId = {ClientId}, AuthenticationMethod = {AuthenticationMethod} }}";

    internal void DisposeCertificates()
    {
        Certificate.Dispose();
        RotatedCertificate.Dispose();
    }
}
