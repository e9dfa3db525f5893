using System.Security.Cryptography;

namespace McpClientGen.DemoServer;

/// <summary>
/// The RSA keys of <c>demo-jwt-rs256</c>, <c>demo-jwt-cert</c> and the mutual-TLS clients: generated once per process
/// (each when first needed), shared by every stack and never disposed. Generating two 2048-bit keys costs about half a second of CPU, while a whole stack starts in under
/// 100 ms, and a test run starts dozens of stacks. They must outlive every stack because IdentityModel caches signature
/// providers by the public key's thumbprint: a key object disposed with one stack would be handed to the next.
/// Nothing is written to disk; a new process has new keys.
/// </summary>
internal static class SharedRsaKeys
{
    private static readonly Lazy<RSA> SigningKeyValue = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> CertificateKeyValue = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> TlsClientKeyValue = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> ClientAuthorityKeyValue = new(() => RSA.Create(2048));

    /// <summary>The key of <c>demo-jwt-rs256</c>.</summary>
    public static RSA SigningKey => SigningKeyValue.Value;

    /// <summary>The key of <c>demo-jwt-cert</c>'s certificate.</summary>
    public static RSA CertificateKey => CertificateKeyValue.Value;

    /// <summary>
    /// The key of <c>demo-mtls-self-signed</c>'s certificates. RSA, because OpenIddict 7.8 reads a client's certificates
    /// back from its JSON Web Key Set through IdentityModel, which turns an <c>x5c</c> into a certificate only for RSA keys.
    /// </summary>
    public static RSA TlsClientKey => TlsClientKeyValue.Value;

    /// <summary>The key of the CA that issues <c>demo-mtls-pki</c>'s certificates, registered the same way (so RSA too).</summary>
    public static RSA ClientAuthorityKey => ClientAuthorityKeyValue.Value;
}
