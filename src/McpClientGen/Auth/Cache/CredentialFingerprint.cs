using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace McpClientGen;

/// <summary>
/// Tells credentials apart in a <see cref="TokenCacheKey"/> without holding them: a digest of the client secret, the
/// private key's text or the signing certificate, so a rotated secret or key (inline, or in a file that changed) keys
/// new tokens, and an entry requested with the old one is not taken for the new. Platform tokens are left out: they
/// change with every issue while the client's identity does not. One-way, and still never shown or logged.
/// </summary>
internal static class CredentialFingerprint
{
    /// <summary>The fingerprint of the credentials in <paramref name="effective"/> (files already read), or <see langword="null"/> for none.</summary>
    public static string? Of(McpConnectionOptions effective)
    {
        string material;
        if (effective.SigningCertificate is { } certificate)
        {
            material = "certificate\0" + ClientCertificate.ThumbprintOf(certificate);
        }
        else if (!string.IsNullOrEmpty(effective.ClientSecret) || !string.IsNullOrEmpty(effective.PrivateKey))
        {
            material = $"secret\0{effective.ClientSecret}\0key\0{effective.PrivateKey}";
        }
        else
        {
            return null;
        }

        // Domain-separated, so the digest matches no other use of the same secret; 128 bits tell rotations apart.
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes("McpClientGen credential fingerprint\0" + material));
        return Base64UrlEncoder.Encode(digest.AsSpan(0, 16).ToArray());
    }
}
