using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace McpClientGen.DemoServer;

/// <summary>
/// Writes JSON Web Keys (RFC 7517/7518) by hand from the exported key parameters, so the JSON holds exactly the
/// members a client may be configured with and nothing a library chose to add.
/// </summary>
internal static class JsonWebKeys
{
    /// <summary>The public members of a P-256 key: <c>kty</c>, <c>crv</c>, <c>x</c>, <c>y</c>.</summary>
    public static JsonObject PublicKey(ECDsa key)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Encode(parameters.Q.X!),
            ["y"] = Encode(parameters.Q.Y!),
        };
    }

    /// <summary>The public members of an RSA key: <c>kty</c>, <c>n</c>, <c>e</c>.</summary>
    public static JsonObject PublicKey(RSA key)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["n"] = Encode(parameters.Modulus!),
            ["e"] = Encode(parameters.Exponent!),
        };
    }

    /// <summary>The private key as a JWK with <c>kid</c> and <c>use</c>, but no <c>alg</c>: the client picks it.</summary>
    public static string PrivateKey(ECDsa key, string keyId)
    {
        var jwk = WithKeyId(PublicKey(key), keyId);
        jwk["d"] = Encode(key.ExportParameters(includePrivateParameters: true).D!);
        return jwk.ToJsonString();
    }

    /// <inheritdoc cref="PrivateKey(ECDsa, string)"/>
    public static string PrivateKey(RSA key, string keyId)
    {
        var parameters = key.ExportParameters(includePrivateParameters: true);
        var jwk = WithKeyId(PublicKey(key), keyId);
        jwk["d"] = Encode(parameters.D!);
        jwk["p"] = Encode(parameters.P!);
        jwk["q"] = Encode(parameters.Q!);
        jwk["dp"] = Encode(parameters.DP!);
        jwk["dq"] = Encode(parameters.DQ!);
        jwk["qi"] = Encode(parameters.InverseQ!);
        return jwk.ToJsonString();
    }

    /// <summary>Adds <c>kid</c> and <c>use: sig</c> to a copy of <paramref name="jwk"/>.</summary>
    public static JsonObject WithKeyId(JsonObject jwk, string keyId)
    {
        var copy = (JsonObject)jwk.DeepClone();
        copy["kid"] = keyId;
        copy["use"] = "sig";
        return copy;
    }

    /// <summary>
    /// The JWK thumbprint (RFC 7638): SHA-256 over the required public members in lexicographic order, base64url.
    /// Used as the <c>kid</c> of raw keys, a common convention that a client can recompute from the key alone.
    /// </summary>
    public static string Thumbprint(JsonObject publicJwk)
    {
        string[] required = publicJwk["kty"]!.GetValue<string>() == "EC" ? ["crv", "kty", "x", "y"] : ["e", "kty", "n"];
        var canonical = new JsonObject();
        foreach (var name in required)
        {
            canonical[name] = publicJwk[name]!.GetValue<string>();
        }

        return Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToJsonString())));
    }

    public static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
