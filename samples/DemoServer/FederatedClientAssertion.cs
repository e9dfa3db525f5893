using System.Security.Claims;
using System.Text.Json;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace McpClientGen.DemoServer;

/// <summary>
/// Client authentication by a federated credential, the way Microsoft Entra workload identity works: a client registered
/// with one (<see cref="FederatedIssuerProperty"/> and <see cref="FederatedSubjectProperty"/>, and the platform's keys as
/// its JSON Web Key Set) authenticates with a token its platform issued, sent as a <c>jwt-bearer</c> client assertion
/// with the <c>client_id</c>. Such a token names the platform as <c>iss</c> and the workload as <c>sub</c>, so
/// OpenIddict's own client-assertion rules (<c>iss</c> = <c>sub</c> = the client id, <c>typ</c>
/// <c>client-authentication+jwt</c>) cannot accept it: this handler runs first, validates it against the credential,
/// and hands OpenIddict the outcome as the client's authenticated assertion. Failures are <c>invalid_client</c>.
/// </summary>
/// <param name="applications">The registered clients.</param>
/// <param name="platform">Records the platform tokens received.</param>
internal sealed class FederatedClientAssertion(IOpenIddictApplicationManager applications, DemoPlatformIssuer platform)
    : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    public const string FederatedIssuerProperty = "federated_issuer";
    public const string FederatedSubjectProperty = "federated_subject";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseScopedHandler<FederatedClientAssertion>()
            .SetOrder(OpenIddictServerHandlers.ValidateClientAssertion.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        if (context.EndpointType != OpenIddictServerEndpointType.Token
            || context.ClientAssertion is not { Length: > 0 } assertion
            || context.Request.ClientId is not { } clientId
            || await applications.FindByClientIdAsync(clientId, context.CancellationToken) is not { } application)
        {
            return;
        }

        var properties = await applications.GetPropertiesAsync(application, context.CancellationToken);
        if (!properties.TryGetValue(FederatedIssuerProperty, out var issuer) || !properties.TryGetValue(FederatedSubjectProperty, out var subject))
        {
            return; // Not a federated client: OpenIddict validates its assertion against its own keys.
        }

        platform.RecordReceived(assertion);
        var keys = await applications.GetJsonWebKeySetAsync(application, context.CancellationToken)
            ?? throw new InvalidOperationException($"The federated client '{clientId}' has no key set.");
        var authorizationServer = context.Options.Issuer ?? context.BaseUri!;
        var (token, refusal) = await WorkloadTokenValidation.ValidateAsync(assertion, new Uri(issuer.GetString()!), keys, authorizationServer);
        if (token is null)
        {
            context.Reject(Errors.InvalidClient, refusal);
            return;
        }

        if (token.Subject != subject.GetString())
        {
            context.Reject(Errors.InvalidClient, $"The workload '{token.Subject}' does not match the federated credential of '{clientId}'.");
            return;
        }

        // OpenIddict takes this as the client's validated assertion: it then checks the client's type, permissions and
        // scopes as for any confidential client. The platform's token itself goes no further.
        var authenticated = new ClaimsIdentity("federated-credential");
        authenticated.SetClaim(Claims.Issuer, clientId);
        authenticated.SetClaim(Claims.Subject, clientId);
        authenticated.SetAudiences(authorizationServer.AbsoluteUri);
        authenticated.SetExpirationDate(new DateTimeOffset(token.ValidTo, TimeSpan.Zero));
        context.ClientAssertionPrincipal = new ClaimsPrincipal(authenticated);
        context.ClientAssertion = null;
    }

    /// <summary>The properties of a client registration that federate it with <paramref name="platform"/>'s workload.</summary>
    public static void Federate(OpenIddictApplicationDescriptor client, DemoPlatformIssuer platform)
    {
        client.JsonWebKeySet = platform.PublicKeys;
        client.Properties[FederatedIssuerProperty] = JsonSerializer.SerializeToElement(platform.Issuer.AbsoluteUri);
        client.Properties[FederatedSubjectProperty] = JsonSerializer.SerializeToElement(DemoPlatformIssuer.WorkloadSubject);
    }
}
