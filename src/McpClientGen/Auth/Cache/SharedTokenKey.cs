using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace McpClientGen;

/// <summary>
/// The key of a shared token entry: an opaque digest of what the token is good for (authorization server, client id,
/// sorted scopes, resource, client certificate and a fingerprint of the credentials), so different clients, scope sets
/// or rotated credentials never share an entry, and the key reveals none of them. It never contains a secret.
/// </summary>
/// <param name="Id">The digest, URL-safe base64 text; stores use it as (part of) their own key.</param>
public sealed record SharedTokenKey(string Id)
{
    /// <summary>The key of the entries for <paramref name="key"/>.</summary>
    internal static SharedTokenKey For(TokenCacheKey key)
    {
        // Each part ends in a NUL, which none can contain, so no two different keys join to the same text.
        var text = string.Join(
            '\0',
            "McpClientGen shared token key v1",
            key.Authority,
            key.ClientId,
            key.Scopes,
            key.Resource,
            key.CertificateThumbprint ?? string.Empty,
            key.CredentialFingerprint ?? string.Empty);
        return new SharedTokenKey(Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }
}
