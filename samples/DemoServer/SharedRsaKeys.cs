using System.Security.Cryptography;

namespace McpClientGen.DemoServer;

/// <summary>
/// The RSA keys of <c>demo-jwt-rs256</c> and <c>demo-jwt-cert</c>: generated once per process, shared by every stack and
/// never disposed. Generating two 2048-bit keys costs about half a second of CPU, while a whole stack starts in under
/// 100 ms, and a test run starts dozens of stacks. They must outlive every stack because IdentityModel caches signature
/// providers by the public key's thumbprint: a key object disposed with one stack would be handed to the next.
/// Nothing is written to disk; a new process has new keys.
/// </summary>
internal static class SharedRsaKeys
{
    private static readonly Lazy<RSA> SigningKeyValue = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> CertificateKeyValue = new(() => RSA.Create(2048));

    /// <summary>The key of <c>demo-jwt-rs256</c>.</summary>
    public static RSA SigningKey => SigningKeyValue.Value;

    /// <summary>The key of <c>demo-jwt-cert</c>'s certificate.</summary>
    public static RSA CertificateKey => CertificateKeyValue.Value;
}
