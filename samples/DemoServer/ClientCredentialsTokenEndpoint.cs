using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace McpClientGen.DemoServer;

/// <summary>
/// Issues access tokens for the <c>client_credentials</c> grant, and for the JWT-bearer grant
/// (<see cref="WorkloadJwtBearerGrant"/>). OpenIddict passes a request through to here only after it authenticated the
/// client and checked grant type, scopes and resources against the client's permissions (and the workload's token, for
/// the JWT-bearer grant), so this only decides what the token says.
/// </summary>
internal static class ClientCredentialsTokenEndpoint
{
    public const string Path = "/connect/token";

    public static void Map(IEndpointRouteBuilder endpoints, AccessTokenRevocation revocation) =>
        endpoints.MapPost(Path, (HttpContext context, IOpenIddictApplicationManager applications, IOptions<OpenIddictServerOptions> server) =>
            IssueAccessTokenAsync(context, applications, server.Value, revocation));

    private static async Task<IResult> IssueAccessTokenAsync(
        HttpContext context, IOpenIddictApplicationManager applications, OpenIddictServerOptions server, AccessTokenRevocation revocation)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing.");
        if (request.GrantType == WorkloadJwtBearerGrant.GrantType)
        {
            return WorkloadJwtBearerGrant.Issue(request, server.Resources, revocation);
        }

        var clientId = request.ClientId
            ?? throw new InvalidOperationException("OpenIddict passed through a request without a client id.");
        var application = await applications.FindByClientIdAsync(clientId, context.RequestAborted)
            ?? throw new InvalidOperationException($"The client '{clientId}' is not registered.");
        var permissions = await applications.GetPermissionsAsync(application, context.RequestAborted);

        var identity = new ClaimsIdentity(
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId);
        identity.SetClaim(AccessTokenRevocation.EpochClaim, revocation.CurrentEpoch);
        identity.SetScopes(RequestedOrPermitted(request.GetScopes(), permissions, Permissions.Prefixes.Scope));
        // The resources become the token's audience, which the MCP server checks (RFC 8707).
        identity.SetResources(RequestedOrPermitted(request.GetResources(), permissions, Permissions.Prefixes.Resource));
        identity.SetDestinations(static _ => [Destinations.AccessToken]);

        return Results.SignIn(
            new ClaimsPrincipal(identity),
            properties: null,
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    // A client that names no scope or resource gets all it is permitted, as most authorization servers do.
    private static ImmutableArray<string> RequestedOrPermitted(
        ImmutableArray<string> requested, ImmutableArray<string> permissions, string permissionPrefix) =>
        !requested.IsDefaultOrEmpty
            ? requested
            : [.. permissions
                .Where(permission => permission.StartsWith(permissionPrefix, StringComparison.Ordinal))
                .Select(permission => permission[permissionPrefix.Length..])];
}
