using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace McpClientGen.DemoServer;

/// <summary>
/// Makes the keys, certificate and JWKs of the three <c>private_key_jwt</c> clients of one stack: a new P-256 key and a
/// new certificate for every stack, the RSA keys from <see cref="SharedRsaKeys"/>.
/// </summary>
internal static class JwtClientFactory
{
    public const string Es256ClientId = "demo-jwt-es256";
    public const string Rs256ClientId = "demo-jwt-rs256";
    public const string CertificateClientId = "demo-jwt-cert";

    public static DemoJwtClients Create()
    {
        var es256 = CreateEcClient();
        try
        {
            return new DemoJwtClients(
                es256,
                CreateRsaClient(Rs256ClientId, SharedRsaKeys.SigningKey, withCertificate: false),
                CreateRsaClient(CertificateClientId, SharedRsaKeys.CertificateKey, withCertificate: true));
        }
        catch
        {
            es256.DisposeKeys();
            throw;
        }
    }

    private static DemoJwtClient CreateEcClient()
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicJwk = JsonWebKeys.PublicKey(key);
        var keyId = JsonWebKeys.Thumbprint(publicJwk);
        return new DemoJwtClient(
            Es256ClientId,
            keyId,
            ["ES256"],
            key,
            key.ExportPkcs8PrivateKeyPem(),
            key.ExportECPrivateKeyPem(),
            JsonWebKeys.PrivateKey(key, keyId),
            JsonWebKeys.WithKeyId(publicJwk, keyId).ToJsonString(),
            certificate: null,
            ownsKey: true);
    }

    private static DemoJwtClient CreateRsaClient(string clientId, RSA key, bool withCertificate)
    {
        X509Certificate2? certificate = null;
        try
        {
            var publicJwk = JsonWebKeys.PublicKey(key);
            string keyId;
            if (withCertificate)
            {
                certificate = CreateSelfSignedCertificate(clientId, key);
                keyId = JsonWebKeys.Encode(certificate.GetCertHash(HashAlgorithmName.SHA256));
                publicJwk = JsonWebKeys.WithKeyId(publicJwk, keyId);
                // x5c lets the server (and a reader of the JWKS) tie the key to the certificate the client names.
                publicJwk["x5c"] = new JsonArray(Convert.ToBase64String(certificate.RawData));
                publicJwk["x5t#S256"] = keyId;
            }
            else
            {
                keyId = JsonWebKeys.Thumbprint(publicJwk);
                publicJwk = JsonWebKeys.WithKeyId(publicJwk, keyId);
            }

            return new DemoJwtClient(
                clientId,
                keyId,
                ["RS256", "PS256"],
                key,
                key.ExportPkcs8PrivateKeyPem(),
                key.ExportRSAPrivateKeyPem(),
                JsonWebKeys.PrivateKey(key, keyId),
                publicJwk.ToJsonString(),
                certificate,
                ownsKey: false);
        }
        catch
        {
            certificate?.Dispose();
            throw;
        }
    }

    private static X509Certificate2 CreateSelfSignedCertificate(string clientId, RSA key)
    {
        var request = new CertificateRequest($"CN={clientId}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        // Backdated a little so that a client checking the validity period is not tripped by clock granularity.
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(7));
    }
}
