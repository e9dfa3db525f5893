using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.IdentityModel.Tokens;

namespace McpClientGen.DemoServer;

/// <summary>
/// Adds <c>error="invalid_token"</c> (RFC 6750 §3.1) to the MCP challenge when a bearer token was presented but
/// rejected. The SDK's challenge only points at the resource metadata, yet the error is what tells a client that a new
/// token, not a new authorization server, is needed.
/// </summary>
internal sealed class InvalidTokenChallengeHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _defaultHandler = new();

    public async Task HandleAsync(
        RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        await _defaultHandler.HandleAsync(next, context, policy, authorizeResult);
        if (!authorizeResult.Challenged)
        {
            return;
        }

        // Handlers cache their result per request, so this does not validate the token a second time.
        var authentication = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (authentication.Failure is not { } failure)
        {
            return;
        }

        var error = $", error=\"invalid_token\", error_description=\"{Describe(failure)}\"";
        context.Response.Headers.WWWAuthenticate = context.Response.Headers.WWWAuthenticate
            .Select(challenge => challenge + error)
            .ToArray();
    }

    // Fixed texts: IdentityModel's messages are long and may contain quotes, which would break the header.
    private static string Describe(Exception failure) => failure switch
    {
        SecurityTokenExpiredException => "The access token expired.",
        SecurityTokenInvalidAudienceException => "The access token was issued for another resource.",
        SecurityTokenInvalidIssuerException => "The access token was issued by an unknown authorization server.",
        _ when failure.Message == AccessTokenRevocation.RejectionReason => AccessTokenRevocation.RejectionReason,
        _ when failure.Message == CertificateBoundTokens.RejectionReason => CertificateBoundTokens.RejectionReason,
        _ => "The access token is invalid.",
    };
}
