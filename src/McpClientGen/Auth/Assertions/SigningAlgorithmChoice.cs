using Microsoft.IdentityModel.Tokens;

namespace McpClientGen;

/// <summary>
/// Which algorithm signs a client assertion. A configured one (<see cref="McpConnectionOptions.SigningAlgorithm"/>, or
/// the private JWK's <c>alg</c>) is always used. Otherwise the authorization server's
/// <c>token_endpoint_auth_signing_alg_values_supported</c> decides: an EC key signs with its curve's algorithm (P-256
/// ES256, P-384 ES384, P-521 ES512), the only one it may use; an RSA key with the first of PS256, RS256, PS384, RS384,
/// PS512, RS512 that the server lists. PSS comes first because it is the RSA signature scheme RFC 8017 recommends for
/// new applications (and FAPI 2.0 requires); SHA-256 first because with RSA keys of 2048 to 4096 bits a longer hash
/// adds no strength, and the 256 variants are the ones servers implement most. A server that lists no algorithm gets
/// the key's default: its curve's algorithm, or RS256, the RSA algorithm JWA (RFC 7518) recommends all implement.
/// </summary>
internal static class SigningAlgorithmChoice
{
    private static readonly string[] RsaPreference =
    [
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSha256,
        SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSha384,
        SecurityAlgorithms.RsaSsaPssSha512, SecurityAlgorithms.RsaSha512,
    ];

    /// <summary>Every algorithm an RSA key may sign with, in order of preference.</summary>
    public static IReadOnlyList<string> RsaAlgorithms => RsaPreference;

    /// <summary>The one algorithm an EC key on a curve of <paramref name="keySize"/> bits may use, or <see langword="null"/> for other curves.</summary>
    public static string? EcAlgorithm(int keySize) => keySize switch
    {
        256 => SecurityAlgorithms.EcdsaSha256,
        384 => SecurityAlgorithms.EcdsaSha384,
        521 => SecurityAlgorithms.EcdsaSha512,
        _ => null,
    };

    /// <summary>The algorithm when the server lists none: the configured one, or the key's default.</summary>
    public static string Default(AssertionSigningKey signingKey) =>
        signingKey.ConfiguredAlgorithm
        ?? (signingKey.Key is ECDsaSecurityKey ec ? EcAlgorithm(ec.ECDsa.KeySize)! : SecurityAlgorithms.RsaSha256);

    /// <summary>The algorithm for client assertions sent to <paramref name="server"/>.</summary>
    /// <exception cref="McpAuthenticationException">The server lists algorithms, and the key can use none of them.</exception>
    public static string Choose(AssertionSigningKey signingKey, AuthorizationServerMetadata server)
    {
        if (signingKey.ConfiguredAlgorithm is not null || server.SigningAlgorithms is not { Count: > 0 } listed)
        {
            return Default(signingKey);
        }

        var usable = Usable(signingKey.Key);
        return usable.FirstOrDefault(algorithm => listed.Contains(algorithm, StringComparer.Ordinal))
            ?? throw new McpAuthenticationException(
                $"The authorization server {server.Issuer?.ToString() ?? server.TokenEndpoint.ToString()} accepts client assertions signed with " +
                $"{string.Join(", ", listed)} (token_endpoint_auth_signing_alg_values_supported), but the configured {Describe(signingKey.Key)} " +
                $"can sign only with {string.Join(", ", usable)}. Register and configure a key of a kind the server accepts " +
                $"({nameof(McpConnectionOptions.PrivateKey)} or {nameof(McpConnectionOptions.SigningCertificate)}).");
    }

    private static string[] Usable(SecurityKey key) =>
        key is ECDsaSecurityKey ec ? [EcAlgorithm(ec.ECDsa.KeySize)!] : RsaPreference;

    private static string Describe(SecurityKey key) =>
        key is ECDsaSecurityKey ec ? $"EC key on a {ec.ECDsa.KeySize}-bit curve" : "RSA key";
}
