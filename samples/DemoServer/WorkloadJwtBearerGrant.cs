using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace McpClientGen.DemoServer;

/// <summary>
/// The JWT-bearer grant (RFC 7523 §2.1) of MCP workload identity federation (SEP-1933): a workload presents the token
/// its platform issued as <c>assertion</c> and gets an access token for the MCP server, without a client secret and
/// with or without a <c>client_id</c>. Trust is at the issuer level, as the SEP describes: a token of
/// <see cref="DemoPlatformIssuer"/> for <see cref="DemoPlatformIssuer.WorkloadSubject"/> is accepted. This handler
/// validates the request in OpenIddict's pipeline (refusals are <c>invalid_grant</c> or <c>invalid_scope</c>); the
/// token endpoint then issues the token (<see cref="Issue"/>).
/// </summary>
/// <param name="platform">The platform issuer the server trusts.</param>
internal sealed class WorkloadJwtBearerGrant(DemoPlatformIssuer platform) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public const string GrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseSingletonHandler<WorkloadJwtBearerGrant>()
            // After OpenIddict has checked the grant type is allowed and the scopes are known, before client permissions.
            .SetOrder(OpenIddictServerHandlers.Exchange.ValidateScopes.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (context.Request.GrantType != GrantType)
        {
            return;
        }

        if (context.Request.Assertion is not { Length: > 0 } assertion)
        {
            context.Reject(Errors.InvalidRequest, "The JWT-bearer grant needs the workload token as 'assertion'.");
            return;
        }

        platform.RecordReceived(assertion);
        var (token, refusal) = await WorkloadTokenValidation.ValidateAsync(
            assertion, platform.Issuer, platform.PublicKeys, context.Options.Issuer ?? context.BaseUri!);
        if (token is null)
        {
            context.Reject(Errors.InvalidGrant, refusal);
            return;
        }

        if (token.Subject != DemoPlatformIssuer.WorkloadSubject)
        {
            context.Reject(Errors.InvalidGrant, $"The workload '{token.Subject}' is not trusted by this authorization server.");
            return;
        }

        if (context.Request.GetScopes().FirstOrDefault(scope => !DemoScopes.Permitted.Contains(scope)) is { } refused)
        {
            context.Reject(Errors.InvalidScope, $"Workloads are not permitted the scope '{refused}'.");
        }
    }

    /// <summary>
    /// The access token for a request this handler accepted: the workload's subject, the requested scopes (or all it is
    /// permitted) and the requested resources (or every resource the server protects) as the audience.
    /// </summary>
    public static IResult Issue(OpenIddictRequest request, IEnumerable<Uri> protectedResources, AccessTokenRevocation revocation)
    {
        // Validated in the pipeline before the request was passed through to the endpoint.
        var workload = new JsonWebToken(request.Assertion!);
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, workload.Subject);
        identity.SetClaim(AccessTokenRevocation.EpochClaim, revocation.CurrentEpoch);
        var scopes = request.GetScopes();
        identity.SetScopes(scopes.IsDefaultOrEmpty ? DemoScopes.Permitted.ToImmutableArray() : scopes);
        var resources = request.GetResources();
        identity.SetResources(resources.IsDefaultOrEmpty ? protectedResources.Select(resource => resource.AbsoluteUri).ToImmutableArray() : resources);
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
