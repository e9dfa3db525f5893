using System.Security.Claims;

namespace McpClientGen.DemoServer;

/// <summary>
/// Answers a <c>tools/call</c> whose tool needs a scope the access token lacks with 403 and
/// <c>WWW-Authenticate: Bearer error="insufficient_scope", scope="...", resource_metadata="..."</c> (RFC 6750 §3.1,
/// MCP authorization "scope challenge"), so a client can request a token with more scopes and retry. Runs after
/// authorization, so only requests with a valid token get here.
/// </summary>
/// <param name="next">The rest of the pipeline: the MCP endpoint.</param>
internal sealed class ToolScopeChallenge(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var required = ToolScopes.RequiredFor(await McpRequestBody.ReadMessagesAsync(context));
        var granted = GrantedScopes(context.User);
        var missing = required.Where(scope => !granted.Contains(scope, StringComparer.Ordinal)).ToArray();
        if (missing.Length == 0)
        {
            await next(context);
            return;
        }

        // The scope parameter names everything the call needs, the token's own scopes included: a client that requests
        // exactly this set gets a token that works for this call and keeps working for the calls that already worked.
        var scope = string.Join(' ', granted.Concat(missing));
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.Headers.WWWAuthenticate =
            $"Bearer error=\"insufficient_scope\", scope=\"{scope}\", resource_metadata=\"{ResourceMetadataUrl(context.Request)}\", "
            + $"error_description=\"This tool needs the scope {string.Join(' ', missing)}.\"";
    }

    /// <summary>
    /// The same URL the SDK's 401 challenge names when no explicit <c>ResourceMetadataUri</c> is configured:
    /// <c>/.well-known/oauth-protected-resource</c> followed by the requested path, on the requested host.
    /// </summary>
    public static string ResourceMetadataUrl(HttpRequest request) =>
        $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase}/.well-known/oauth-protected-resource{request.Path}";

    // OpenIddict writes the scopes as one space-separated "scope" claim (RFC 9068); several claims are accepted too.
    private static List<string> GrantedScopes(ClaimsPrincipal user) =>
        [.. user.FindAll("scope")
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)];
}
