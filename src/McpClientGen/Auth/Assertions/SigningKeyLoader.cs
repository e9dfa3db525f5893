using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace McpClientGen;

/// <summary>
/// Turns the configured key (PEM, JWK or certificate) into signing credentials for client assertions, and checks a
/// configured algorithm against it. Errors name the option to fix and never repeat the key.
/// </summary>
internal static class SigningKeyLoader
{
    public static AssertionSigningKey Load(McpConnectionOptions options)
    {
        if (options.SigningCertificate is { } certificate)
        {
            return FromCertificate(certificate, options);
        }

        var text = options.PrivateKey!.Trim();
        return text.StartsWith('{') ? FromJwk(text, options) : FromPem(text, options);
    }

    private static AssertionSigningKey FromCertificate(X509Certificate2 certificate, McpConnectionOptions options)
    {
        if (!certificate.HasPrivateKey)
        {
            throw Invalid($"the {nameof(McpConnectionOptions.SigningCertificate)} (thumbprint {certificate.Thumbprint}) has no private key.");
        }

        SecurityKey key = certificate.GetECDsaPrivateKey() is { } ec
            ? new ECDsaSecurityKey(ec)
            : certificate.GetRSAPrivateKey() is { } rsa
                ? new RsaSecurityKey(rsa)
                : throw Invalid($"the {nameof(McpConnectionOptions.SigningCertificate)} key is neither EC nor RSA.");

        // x5t#S256 (RFC 7515 §4.1.8) lets the server find the certificate; Microsoft Entra ID requires it.
        var thumbprint = ClientCertificate.ThumbprintOf(certificate);
        key.KeyId = options.PrivateKeyId ?? thumbprint;
        return new AssertionSigningKey(key, ConfiguredAlgorithm(key, options), new Dictionary<string, object> { ["x5t#S256"] = thumbprint });
    }

    private static AssertionSigningKey FromJwk(string json, McpConnectionOptions options)
    {
        JsonWebKey jwk;
        try
        {
            jwk = new JsonWebKey(json);
        }
        catch (ArgumentException)
        {
            throw Invalid($"the {nameof(McpConnectionOptions.PrivateKey)} looks like a JWK but is not valid JSON Web Key JSON.");
        }

        SecurityKey key = jwk.Kty switch
        {
            JsonWebAlgorithmsKeyTypes.EllipticCurve when !string.IsNullOrEmpty(jwk.D) => new ECDsaSecurityKey(ECDsa.Create(new ECParameters
            {
                Curve = CurveOf(jwk.Crv),
                D = Base64UrlEncoder.DecodeBytes(jwk.D),
                Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(jwk.X), Y = Base64UrlEncoder.DecodeBytes(jwk.Y) },
            })),
            JsonWebAlgorithmsKeyTypes.RSA when !string.IsNullOrEmpty(jwk.D) => new RsaSecurityKey(RsaFrom(jwk)),
            _ => throw Invalid($"the {nameof(McpConnectionOptions.PrivateKey)} JWK must be a private EC or RSA key (with \"d\")."),
        };
        key.KeyId = options.PrivateKeyId ?? jwk.Kid;
        return new AssertionSigningKey(key, ConfiguredAlgorithm(key, options, jwk.Alg), new Dictionary<string, object>());
    }

    private static AssertionSigningKey FromPem(string pem, McpConnectionOptions options)
    {
        var label = PemLabel(pem);
        SecurityKey key = label switch
        {
            "EC PRIVATE KEY" => new ECDsaSecurityKey(Import(ECDsa.Create(), pem, options)),
            "RSA PRIVATE KEY" => new RsaSecurityKey(Import(RSA.Create(), pem, options)),
            "PRIVATE KEY" or "ENCRYPTED PRIVATE KEY" => ImportPkcs8(pem, options),
            _ => throw Invalid(
                $"the {nameof(McpConnectionOptions.PrivateKey)} must be a PEM private key (PRIVATE KEY, ENCRYPTED PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY) or a private JWK; found {(label is null ? "no PEM block" : $"a '{label}' block")}."),
        };
        key.KeyId = options.PrivateKeyId;
        return new AssertionSigningKey(key, ConfiguredAlgorithm(key, options), new Dictionary<string, object>());
    }

    /// <summary>A PKCS#8 key may hold either kind of key; the PEM label does not say which.</summary>
    private static SecurityKey ImportPkcs8(string pem, McpConnectionOptions options)
    {
        try
        {
            return new ECDsaSecurityKey(Import(ECDsa.Create(), pem, options, quiet: true));
        }
        catch (CryptographicException)
        {
            return new RsaSecurityKey(Import(RSA.Create(), pem, options));
        }
    }

    private static T Import<T>(T algorithm, string pem, McpConnectionOptions options, bool quiet = false)
        where T : AsymmetricAlgorithm
    {
        try
        {
            if (options.PrivateKeyPassword is { } password)
            {
                algorithm.ImportFromEncryptedPem(pem, password);
            }
            else
            {
                algorithm.ImportFromPem(pem);
            }

            return algorithm;
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            algorithm.Dispose();
            if (quiet)
            {
                throw new CryptographicException();
            }

            // The exception's own message is left out: it cannot contain the key, but its wording varies by platform.
            throw Invalid(
                $"the {nameof(McpConnectionOptions.PrivateKey)} PEM could not be read as a private key" +
                (options.PrivateKeyPassword is null ? " (if it is encrypted, set PrivateKeyPassword)." : " with the given PrivateKeyPassword."));
        }
    }

    /// <summary>
    /// The configured algorithm (<see cref="McpConnectionOptions.SigningAlgorithm"/>, else the JWK's <c>alg</c>), checked
    /// against the key; <see langword="null"/> when none is configured, so it is chosen per server.
    /// </summary>
    private static string? ConfiguredAlgorithm(SecurityKey key, McpConnectionOptions options, string? jwkAlgorithm = null)
    {
        var requested = options.SigningAlgorithm ?? jwkAlgorithm;
        if (key is ECDsaSecurityKey ec)
        {
            var fitting = SigningAlgorithmChoice.EcAlgorithm(ec.ECDsa.KeySize)
                ?? throw Invalid($"the EC key uses a {ec.ECDsa.KeySize}-bit curve; use P-256, P-384 or P-521.");
            return requested is null || requested == fitting
                ? requested
                : throw Invalid($"{nameof(McpConnectionOptions.SigningAlgorithm)} '{requested}' does not fit the EC {nameof(McpConnectionOptions.PrivateKey)} on a {ec.ECDsa.KeySize}-bit curve; use {fitting}.");
        }

        if (key is RsaSecurityKey { Rsa.KeySize: < 2048 } small)
        {
            throw Invalid($"the RSA {nameof(McpConnectionOptions.PrivateKey)} has {small.Rsa.KeySize} bits; use at least 2048.");
        }

        return requested is null || SigningAlgorithmChoice.RsaAlgorithms.Contains(requested, StringComparer.Ordinal)
            ? requested
            : throw Invalid($"{nameof(McpConnectionOptions.SigningAlgorithm)} '{requested}' does not fit the RSA {nameof(McpConnectionOptions.PrivateKey)}; use RS256 or PS256.");
    }

    private static string? PemLabel(string pem)
    {
        const string Begin = "-----BEGIN ";
        var start = pem.IndexOf(Begin, StringComparison.Ordinal);
        var end = start < 0 ? -1 : pem.IndexOf("-----", start + Begin.Length, StringComparison.Ordinal);
        return end < 0 ? null : pem.Substring(start + Begin.Length, end - start - Begin.Length);
    }

    private static ECCurve CurveOf(string? name) => name switch
    {
        "P-256" => ECCurve.NamedCurves.nistP256,
        "P-384" => ECCurve.NamedCurves.nistP384,
        "P-521" => ECCurve.NamedCurves.nistP521,
        _ => throw Invalid($"the {nameof(McpConnectionOptions.PrivateKey)} JWK uses the curve '{name}'; use P-256, P-384 or P-521."),
    };

    private static RSA RsaFrom(JsonWebKey jwk) => RSA.Create(new RSAParameters
    {
        Modulus = Base64UrlEncoder.DecodeBytes(jwk.N),
        Exponent = Base64UrlEncoder.DecodeBytes(jwk.E),
        D = Base64UrlEncoder.DecodeBytes(jwk.D),
        P = Base64UrlEncoder.DecodeBytes(jwk.P),
        Q = Base64UrlEncoder.DecodeBytes(jwk.Q),
        DP = Base64UrlEncoder.DecodeBytes(jwk.DP),
        DQ = Base64UrlEncoder.DecodeBytes(jwk.DQ),
        InverseQ = Base64UrlEncoder.DecodeBytes(jwk.QI),
    });

    private static InvalidOperationException Invalid(string problem) => new("Invalid McpConnectionOptions: " + problem);
}
