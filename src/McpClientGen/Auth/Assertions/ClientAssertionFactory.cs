using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpClientGen;

/// <summary>
/// Creates RFC 7523 §2.2 client assertions: <c>iss</c> = <c>sub</c> = the client id, a unique <c>jti</c>,
/// <c>iat</c> and <c>nbf</c> now, <c>exp</c> one minute later, and the explicit type <c>client-authentication+jwt</c>
/// of RFC 7523bis (which OpenIddict, for one, requires). A fresh one is made for every token request, so a server
/// that rejects replayed <c>jti</c>s never sees one twice.
/// </summary>
internal sealed class ClientAssertionFactory(AssertionSigningKey signingKey, TimeProvider timeProvider)
{
    /// <summary>Well under the five minutes servers commonly allow, and long enough for a slow round trip.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public AssertionSigningKey SigningKey => signingKey;

    /// <summary>An assertion signed with <paramref name="algorithm"/> (see <see cref="SigningAlgorithmChoice"/>).</summary>
    public string Create(string clientId, string audience, string algorithm)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = clientId,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
            AdditionalHeaderClaims = signingKey.AdditionalHeaders,
            SigningCredentials = new SigningCredentials(signingKey.Key, algorithm),
            TokenType = "client-authentication+jwt",
        });
    }
}
