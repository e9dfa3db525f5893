using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace McpClientGen.DemoServer;

/// <summary>
/// Refuses a token request for a scope the client is not permitted with <c>invalid_scope</c>, as RFC 6749 §5.2 says
/// ("exceeds the scope granted"). OpenIddict 7.8 answers that case with <c>invalid_request</c> ("This client
/// application is not allowed to use the specified scope.", ID2051), which a client cannot tell from a malformed
/// request; the demo stack's step-up tests need the standard code. Runs just before OpenIddict's own check, after the
/// client has been authenticated, so an unauthenticated caller learns nothing about scopes.
/// </summary>
/// <param name="applications">The registered clients.</param>
internal sealed class InvalidScopeForUnpermittedScopes(IOpenIddictApplicationManager applications)
    : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireClientIdParameter>()
            .UseScopedHandler<InvalidScopeForUnpermittedScopes>()
            .SetOrder(OpenIddictServerHandlers.Exchange.ValidateScopePermissions.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (context.ClientId is not { } clientId
            || await applications.FindByClientIdAsync(clientId, context.CancellationToken) is not { } application)
        {
            return; // OpenIddict has rejected an unknown client before this runs.
        }

        foreach (var scope in context.Request.GetScopes())
        {
            if (!await applications.HasPermissionAsync(application, Permissions.Prefixes.Scope + scope, context.CancellationToken))
            {
                context.Reject(Errors.InvalidScope, $"The client '{clientId}' is not permitted the scope '{scope}'.");
                return;
            }
        }
    }
}
