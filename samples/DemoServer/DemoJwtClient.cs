using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace McpClientGen.DemoServer;

/// <summary>
/// A confidential client registered for <c>private_key_jwt</c> (RFC 7523 §2.2): the authorization server knows only its
/// public key, the client signs assertions with the private key held here, in every encoding a client may be configured
/// with. Do not dispose the key objects: the EC key and the certificate are disposed with the <see cref="DemoStack"/>,
/// and the RSA keys are shared by every stack in the process.
/// </summary>
public sealed class DemoJwtClient
{
    private readonly bool _ownsKey;

    internal DemoJwtClient(
        string clientId,
        string keyId,
        IReadOnlyList<string> signingAlgorithms,
        AsymmetricAlgorithm key,
        string privateKeyPem,
        string legacyPrivateKeyPem,
        string privateJwk,
        string publicJwk,
        X509Certificate2? certificate,
        bool ownsKey)
    {
        _ownsKey = ownsKey;
        ClientId = clientId;
        KeyId = keyId;
        SigningAlgorithms = signingAlgorithms;
        Key = key;
        PrivateKeyPem = privateKeyPem;
        PrivateJwk = privateJwk;
        PublicJwk = publicJwk;
        Certificate = certificate;
        if (key is ECDsa)
        {
            Sec1PrivateKeyPem = legacyPrivateKeyPem;
        }
        else
        {
            Pkcs1PrivateKeyPem = legacyPrivateKeyPem;
        }
    }

    /// <summary>The client id: <c>demo-jwt-es256</c>, <c>demo-jwt-rs256</c> or <c>demo-jwt-cert</c>.</summary>
    public string ClientId { get; }

    /// <summary>
    /// The <c>kid</c> of the registered key: the RFC 7638 JWK thumbprint for a raw key, the certificate's
    /// <c>x5t#S256</c> (base64url SHA-256 of its DER encoding) for <c>demo-jwt-cert</c>. The server does not need it to
    /// match: it tries every key registered for the client.
    /// </summary>
    public string KeyId { get; }

    /// <summary>The JWS algorithms this key signs with: <c>ES256</c>, or <c>RS256</c> and <c>PS256</c> for RSA keys.</summary>
    public IReadOnlyList<string> SigningAlgorithms { get; }

    /// <summary>
    /// The private key: an <see cref="ECDsa"/> (P-256, new for every stack) or an <see cref="RSA"/> (2048 bits, made once
    /// per process and shared by all its stacks, because generating it costs far more than starting a stack).
    /// </summary>
    public AsymmetricAlgorithm Key { get; }

    /// <summary>The private key as an <see cref="ECDsa"/>, or <see langword="null"/> for an RSA key.</summary>
    public ECDsa? EcKey => Key as ECDsa;

    /// <summary>The private key as an <see cref="RSA"/>, or <see langword="null"/> for an EC key.</summary>
    public RSA? RsaKey => Key as RSA;

    /// <summary>The private key as PKCS#8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>).</summary>
    public string PrivateKeyPem { get; }

    /// <summary>For the EC key only: SEC1 PEM (<c>-----BEGIN EC PRIVATE KEY-----</c>); otherwise <see langword="null"/>.</summary>
    public string? Sec1PrivateKeyPem { get; }

    /// <summary>For RSA keys only: PKCS#1 PEM (<c>-----BEGIN RSA PRIVATE KEY-----</c>); otherwise <see langword="null"/>.</summary>
    public string? Pkcs1PrivateKeyPem { get; }

    /// <summary>The private key as a JWK (JSON) with <c>kid</c> = <see cref="KeyId"/> and <c>use: sig</c>, without <c>alg</c>.</summary>
    public string PrivateJwk { get; }

    /// <summary>The public JWK (JSON) as registered in the client's JSON Web Key Set at the authorization server.</summary>
    public string PublicJwk { get; }

    /// <summary>
    /// For <c>demo-jwt-cert</c>: a self-signed certificate (<c>CN=demo-jwt-cert</c>) over <see cref="Key"/>, with its
    /// private key; otherwise <see langword="null"/>.
    /// </summary>
    public X509Certificate2? Certificate { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"DemoJwtClient {{ ClientId = {ClientId}, KeyId = {KeyId}, SigningAlgorithms = {string.Join(' ', SigningAlgorithms)} }}";

    internal void DisposeKeys()
    {
        Certificate?.Dispose();
        if (_ownsKey)
        {
            Key.Dispose();
        }
    }
}
