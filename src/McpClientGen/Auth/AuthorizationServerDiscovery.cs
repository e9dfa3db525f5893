using System.Net;
using System.Text.Json;

namespace McpClientGen;

/// <summary>
/// Finds an MCP server's authorization server the way the MCP authorization spec (2025-11-25) prescribes:
/// protected-resource metadata (RFC 9728), then the authorization server's metadata (RFC 8414 / OpenID Connect).
/// </summary>
internal sealed class AuthorizationServerDiscovery(Backchannel backchannel)
{
    private const string ProtectedResourceWellKnown = "/.well-known/oauth-protected-resource";
    private const string OAuthServerWellKnown = "/.well-known/oauth-authorization-server";
    private const string OpenIdWellKnown = "/.well-known/openid-configuration";

    /// <summary>
    /// Reads the resource's metadata: from <paramref name="challengeUrl"/> when a 401 named it, otherwise from the
    /// well-known URLs (path-specific, then root). <see langword="null"/> when no well-known URL has it.
    /// </summary>
    public async Task<ProtectedResourceMetadata?> FindResourceMetadataAsync(Uri resource, Uri? challengeUrl, CancellationToken cancellationToken)
    {
        var candidates = challengeUrl is null ? ProtectedResourceMetadataUrls(resource) : [challengeUrl];
        foreach (var candidate in candidates)
        {
            // The well-known URLs are probes: an HTML page, a 401 or a redirect there means "not here", not an error.
            using var document = await TryGetJsonAsync(candidate, probe: challengeUrl is null, cancellationToken).ConfigureAwait(false);
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
                    "Check the Endpoint option: it must be the URL the server identifies itself by.");
            }

            var servers = ReadStrings(root, "authorization_servers")
                .Select(text => Uri.TryCreate(text, UriKind.Absolute, out var issuer) ? issuer : null)
                .OfType<Uri>()
                .ToList();
            if (servers.Count == 0)
            {
                throw new McpAuthenticationException(
                    $"The protected-resource metadata at '{candidate}' lists no usable authorization_servers. Set TokenEndpoint to skip discovery.");
            }

            return new ProtectedResourceMetadata(candidate, servers, ReadStrings(root, "scopes_supported"));
        }

        if (challengeUrl is not null)
        {
            throw new McpAuthenticationException($"The protected-resource metadata at '{challengeUrl}', named by the server's challenge, was not found.");
        }

        return null;
    }

    /// <summary>Reads the issuer's metadata in the spec's order; its <c>issuer</c> must be the one asked for.</summary>
    public async Task<AuthorizationServerMetadata> ReadServerMetadataAsync(Uri issuer, Uri resource, CancellationToken cancellationToken)
    {
        EndpointRules.EnsureSecureNextTo(issuer, "authorization server", resource);
        var candidates = ServerMetadataUrls(issuer);
        foreach (var candidate in candidates)
        {
            using var document = await TryGetJsonAsync(candidate, probe: false, cancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                continue;
            }

            var root = document.RootElement;
            var advertisedIssuer = ReadUri(root, "issuer", candidate);
            if (advertisedIssuer is null || !EndpointRules.SameResource(advertisedIssuer, issuer))
            {
                throw new McpAuthenticationException(
                    $"The authorization-server metadata at '{candidate}' names issuer '{advertisedIssuer}', not '{issuer}'; it cannot be trusted for that issuer.");
            }

            var tokenEndpoint = ReadUri(root, "token_endpoint", candidate)
                ?? throw new McpAuthenticationException(
                    $"The authorization-server metadata at '{candidate}' has no token_endpoint. Set TokenEndpoint explicitly.");
            EndpointRules.EnsureSecureNextTo(tokenEndpoint, "token endpoint", resource);
            var mtlsTokenEndpoint = root.TryGetProperty("mtls_endpoint_aliases", out var aliases) && aliases.ValueKind == JsonValueKind.Object
                ? ReadUri(aliases, "token_endpoint", candidate)
                : null;
            if (mtlsTokenEndpoint is not null)
            {
                EndpointRules.EnsureSecureNextTo(mtlsTokenEndpoint, "mTLS token endpoint alias", resource);
            }

            return new AuthorizationServerMetadata(
                advertisedIssuer,
                tokenEndpoint,
                root.TryGetProperty("token_endpoint_auth_methods_supported", out _) ? ReadStrings(root, "token_endpoint_auth_methods_supported") : null,
                root.TryGetProperty("token_endpoint_auth_signing_alg_values_supported", out _) ? ReadStrings(root, "token_endpoint_auth_signing_alg_values_supported") : null,
                mtlsTokenEndpoint);
        }

        throw new McpAuthenticationException(
            $"No authorization-server metadata was found for issuer '{issuer}' (tried {string.Join(", ", candidates)}). Set TokenEndpoint to skip discovery.");
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

    /// <summary>The MCP spec's order: OAuth path-insert, OpenID path-insert, OpenID path-append; without a path, OAuth then OpenID.</summary>
    internal static IReadOnlyList<Uri> ServerMetadataUrls(Uri issuer)
    {
        var origin = issuer.GetLeftPart(UriPartial.Authority);
        var path = issuer.AbsolutePath.TrimEnd('/');
        return path.Length == 0
            ? [new Uri(origin + OAuthServerWellKnown), new Uri(origin + OpenIdWellKnown)]
            : [new Uri(origin + OAuthServerWellKnown + path), new Uri(origin + OpenIdWellKnown + path), new Uri(origin + path + OpenIdWellKnown)];
    }

    private async Task<JsonDocument?> TryGetJsonAsync(Uri url, bool probe, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await backchannel.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            throw (Exception?)ConnectionFailures.ForBackchannel(exception, url, "the discovery URL")
                ?? new McpAuthenticationException($"The discovery request to '{url}' failed: {exception.Message}", exception);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.Gone
                || (probe && !response.IsSuccessStatusCode && (int)response.StatusCode < 500))
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new McpAuthenticationException($"The discovery request to '{url}' returned HTTP {(int)response.StatusCode} ({response.ReasonPhrase}).");
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return JsonObjectDocument.TryParse(body)
                ?? (probe ? null : throw new McpAuthenticationException($"The discovery document at '{url}' is not a JSON object."));
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

    private static List<string> ReadStrings(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).ToList()
            : [];
}
