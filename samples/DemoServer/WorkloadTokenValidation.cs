using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpClientGen.DemoServer;

/// <summary>
/// How the demo authorization server checks a platform-issued workload token, as a grant or as a client assertion: the
/// signature against the platform's keys, the issuer, the audience (this server's issuer, with or without its trailing
/// slash, as SEP-1933 and the MCP conformance suite expect) and the lifetime, with no clock skew.
/// </summary>
internal static class WorkloadTokenValidation
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>The validated token, or why it was refused (in words fit for an <c>error_description</c>).</summary>
    public static async Task<(JsonWebToken? Token, string? Refusal)> ValidateAsync(
        string token, Uri platformIssuer, JsonWebKeySet platformKeys, Uri authorizationServer)
    {
        var withSlash = authorizationServer.AbsoluteUri;
        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = platformIssuer.AbsoluteUri,
            ValidAudiences = [withSlash, withSlash.TrimEnd('/')],
            IssuerSigningKeys = platformKeys.GetSigningKeys(),
            ClockSkew = TimeSpan.Zero,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        });
        return result.IsValid
            ? ((JsonWebToken)result.SecurityToken, null)
            : (null, "The workload token is not valid: " + Reason(result.Exception));
    }

    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "it has expired.",
        SecurityTokenInvalidAudienceException => "its audience is not this authorization server.",
        SecurityTokenInvalidIssuerException => "its issuer is not trusted.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "its signature does not verify with the issuer's keys.",
        SecurityTokenNotYetValidException => "it is not valid yet.",
        _ => "it is malformed.",
    };
}
