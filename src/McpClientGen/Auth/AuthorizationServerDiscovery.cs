using System.Net;
using System.Text.Json;

namespace McpClientGen;

/// <summary>
/// Finds the token endpoint of an MCP server the way the MCP authorization spec (2025-11-25) prescribes:
/// protected-resource metadata (RFC 9728), then the authorization server's metadata (RFC 8414 / OpenID).
/// </summary>
internal sealed class AuthorizationServerDiscovery(HttpClient backchannel)
{
    private const string ProtectedResourceWellKnown = "/.well-known/oauth-protected-resource";
    private const string OAuthServerWellKnown = "/.well-known/oauth-authorization-server";
    private const string OpenIdWellKnown = "/.well-known/openid-configuration";

    /// <summary>Discovers the authorization server that protects <paramref name="resource"/>.</summary>
    public async Task<AuthorizationServerMetadata> DiscoverAsync(Uri resource, CancellationToken cancellationToken)
    {
        var issuer = await FindIssuerAsync(resource, cancellationToken).ConfigureAwait(false);
        return await ReadServerMetadataAsync(issuer, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Uri> FindIssuerAsync(Uri resource, CancellationToken cancellationToken)
    {
        foreach (var candidate in ProtectedResourceMetadataUrls(resource))
        {
            using var document = await TryGetJsonAsync(candidate, cancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                continue;
            }

            var root = document.RootElement;
            var advertised = ReadUri(root, "resource", candidate);
            if (advertised is null || !EndpointRules.SameResource(advertised, resource))
            {
                throw new McpAuthenticationException(
                    $"The protected-resource metadata at '{candidate}' is for resource '{advertised}', not for '{resource}'. " +
                    "Check the MCP endpoint URL.");
            }

            if (!root.TryGetProperty("authorization_servers", out var servers)
                || servers.ValueKind != JsonValueKind.Array
                || servers.GetArrayLength() == 0
                || servers[0].ValueKind != JsonValueKind.String
                || !Uri.TryCreate(servers[0].GetString(), UriKind.Absolute, out var issuer))
            {
                throw new McpAuthenticationException(
                    $"The protected-resource metadata at '{candidate}' lists no usable authorization_servers. " +
                    "Set TokenEndpoint to skip discovery.");
            }

            EndpointRules.EnsureSecure(issuer, "authorization server");
            return issuer;
        }

        throw new McpAuthenticationException(
            $"No protected-resource metadata was found for '{resource}' (tried {string.Join(", ", ProtectedResourceMetadataUrls(resource))}). " +
            "Set TokenEndpoint to skip discovery.");
    }

    private async Task<AuthorizationServerMetadata> ReadServerMetadataAsync(Uri issuer, CancellationToken cancellationToken)
    {
        var candidates = ServerMetadataUrls(issuer);
        foreach (var candidate in candidates)
        {
            using var document = await TryGetJsonAsync(candidate, cancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                continue;
            }

            var root = document.RootElement;
            var advertisedIssuer = ReadUri(root, "issuer", candidate);
            if (advertisedIssuer is null || !EndpointRules.SameResource(advertisedIssuer, issuer))
            {
                throw new McpAuthenticationException(
                    $"The authorization-server metadata at '{candidate}' names issuer '{advertisedIssuer}', not '{issuer}'.");
            }

            var tokenEndpoint = ReadUri(root, "token_endpoint", candidate)
                ?? throw new McpAuthenticationException(
                    $"The authorization-server metadata at '{candidate}' has no token_endpoint. Set TokenEndpoint explicitly.");
            EndpointRules.EnsureSecure(tokenEndpoint, "token endpoint");
            return new AuthorizationServerMetadata(advertisedIssuer, tokenEndpoint);
        }

        throw new McpAuthenticationException(
            $"No authorization-server metadata was found for issuer '{issuer}' (tried {string.Join(", ", candidates)}). " +
            "Set TokenEndpoint to skip discovery.");
    }

    /// <summary>RFC 9728 §3.1: the path-specific document first, then the root one.</summary>
    internal static IReadOnlyList<Uri> ProtectedResourceMetadataUrls(Uri resource)
    {
        var origin = resource.GetLeftPart(UriPartial.Authority);
        var path = resource.AbsolutePath.TrimEnd('/');
        return path.Length == 0
            ? [new Uri(origin + ProtectedResourceWellKnown)]
            : [new Uri(origin + ProtectedResourceWellKnown + path), new Uri(origin + ProtectedResourceWellKnown)];
    }

    /// <summary>The MCP spec's order: OAuth path-insert, OpenID path-insert, OpenID path-append.</summary>
    internal static IReadOnlyList<Uri> ServerMetadataUrls(Uri issuer)
    {
        var origin = issuer.GetLeftPart(UriPartial.Authority);
        var path = issuer.AbsolutePath.TrimEnd('/');
        return path.Length == 0
            ? [new Uri(origin + OAuthServerWellKnown), new Uri(origin + OpenIdWellKnown)]
            : [new Uri(origin + OAuthServerWellKnown + path), new Uri(origin + OpenIdWellKnown + path), new Uri(origin + path + OpenIdWellKnown)];
    }

    private async Task<JsonDocument?> TryGetJsonAsync(Uri url, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await backchannel.GetAsync(url, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new McpAuthenticationException($"Discovery request to '{url}' failed: {exception.Message}", exception);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.Gone)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new McpAuthenticationException(
                    $"Discovery request to '{url}' returned HTTP {(int)response.StatusCode} ({response.ReasonPhrase}).");
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return JsonObjectDocument.TryParse(body)
                ?? throw new McpAuthenticationException($"Discovery document at '{url}' is not a JSON object.");
        }
    }

    private static Uri? ReadUri(JsonElement root, string property, Uri source)
    {
        if (!root.TryGetProperty(property, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri))
        {
            return uri;
        }

        throw new McpAuthenticationException($"The '{property}' in the document at '{source}' is not an absolute URL.");
    }
}
