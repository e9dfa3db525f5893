using System.Collections.Immutable;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace McpClientGen.DemoServer;

/// <summary>
/// Adds <c>token_endpoint_auth_signing_alg_values_supported</c> (RFC 8414) to the authorization-server metadata.
/// OpenIddict 7.8 accepts client assertions (<c>private_key_jwt</c> is on by default, no configuration needed) but does
/// not advertise the algorithms; clients read them to choose one.
/// </summary>
/// <remarks>
/// What OpenIddict 7.8 requires of a client assertion, read from its handlers (ValidateClientAssertion*,
/// ResolveTokenValidationParameters) and checked against this stack with hand-built assertions (<c>DemoStackAuthTests</c>
/// keeps the <c>typ</c>, <c>aud</c> and key rules under test):
/// <list type="bullet">
/// <item>Header <c>typ</c> <c>client-authentication+jwt</c> or <c>application/client-authentication+jwt</c>
/// (RFC 7523bis). <c>JWT</c>, or no <c>typ</c>, is refused: 401 <c>invalid_client</c>, "The specified token is not of
/// the expected type." (ID2089).</item>
/// <item><c>iss</c> = <c>sub</c> = the client id, and = <c>client_id</c> if the body has one (else 400
/// <c>invalid_grant</c>, ID2173). The keys are those of the application named by <c>iss</c>, all of them tried: the
/// header's <c>kid</c>/<c>x5t#S256</c> need not match.</item>
/// <item><c>aud</c>: exactly one value (a string or a one-element array) equal to the issuer, with or without its
/// trailing slash. Not the token endpoint: 400 <c>invalid_token</c>, "The specified token doesn't contain any valid
/// audience, which may indicate that it was issued to be used with another application." (ID2094). Two values: 400
/// <c>invalid_request</c>, "The mandatory 'aud' claim cannot be found in the specified client assertion." (ID2172).</item>
/// <item><c>exp</c> required, accepted up to 5 minutes in the past (IdentityModel's default clock skew), no upper
/// bound; <c>nbf</c> and <c>iat</c> unchecked; <c>jti</c> optional and not remembered, so replays succeed.</item>
/// <item>Any asymmetric algorithm the registered key verifies: ES256 (even ES384 with a P-256 key), RS256/384/512 and
/// PS256/384/512 with an RSA key. The advertised list names what the demo clients use.</item>
/// </list>
/// </remarks>
internal sealed class ClientAssertionMetadata : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    /// <summary>The algorithms the demo's JWT clients sign with, and that OpenIddict verifies for their keys.</summary>
    public static readonly ImmutableArray<string?> SigningAlgorithms = ["ES256", "RS256", "PS256"];

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<ClientAssertionMetadata>()
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachClientAuthenticationMethods.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        context.Metadata["token_endpoint_auth_signing_alg_values_supported"] = SigningAlgorithms;
        return ValueTask.CompletedTask;
    }
}
