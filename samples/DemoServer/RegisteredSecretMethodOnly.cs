using System.Text.Json;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace McpClientGen.DemoServer;

/// <summary>
/// Holds a client to the secret method it was registered for, as strict servers do: a client whose registration names
/// a <see cref="PropertyName"/> (RFC 7591's client metadata field) and that authenticates with the other secret method
/// is refused with <c>401 invalid_client</c>, before its secret is checked. OpenIddict 7.8 has no such setting per
/// client: its <c>ClientAuthenticationMethods</c> option is server-wide (what the metadata lists), and a client with a
/// secret may send it either way. Other clients are not affected.
/// </summary>
/// <param name="applications">The registered clients.</param>
internal sealed class RegisteredSecretMethodOnly(IOpenIddictApplicationManager applications)
    : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    /// <summary>The registration property (in the application's <c>Properties</c>) that names the one method allowed.</summary>
    public const string PropertyName = "token_endpoint_auth_method";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireClientIdParameter>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireClientSecretParameter>()
            .UseScopedHandler<RegisteredSecretMethodOnly>()
            .SetOrder(OpenIddictServerHandlers.ValidateClientSecret.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        // The filter guarantees a client id, and OpenIddict has rejected an unknown client before this runs.
        var clientId = context.ClientId!;
        var application = await applications.FindByClientIdAsync(clientId, context.CancellationToken)
            ?? throw new InvalidOperationException($"The client '{clientId}' passed OpenIddict's client id check but is not registered.");
        var properties = await applications.GetPropertiesAsync(application, context.CancellationToken);
        if (!properties.TryGetValue(PropertyName, out var registered) || registered.ValueKind != JsonValueKind.String)
        {
            return;
        }

        // OpenIddict moves Basic credentials into client_id and client_secret, so only the raw header tells the two apart.
        var used = context.Transaction.GetHttpRequest()?.Headers.Authorization.ToString()
            .StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) == true
                ? ClientAuthenticationMethods.ClientSecretBasic
                : ClientAuthenticationMethods.ClientSecretPost;
        if (used != registered.GetString())
        {
            context.Reject(
                Errors.InvalidClient,
                $"The client '{clientId}' is registered for {registered.GetString()}, not {used}.");
        }
    }
}
