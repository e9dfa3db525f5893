using Microsoft.Extensions.Logging;

namespace McpClientGen;

/// <summary>
/// The authorization server the client's credentials belong to (SEP-2352), checked against every protected-resource
/// metadata document the engine reads: the issuer the configuration names (<see cref="McpConnectionOptions.AuthorizationServer"/>),
/// or, only with <see cref="McpConnectionOptions.TrustDiscoveredAuthorizationServer"/>, the first one discovered, pinned
/// for the life of the engine. A resource that names only other servers is refused before any of them is contacted:
/// otherwise a malicious or compromised MCP server could name an authorization server it runs and harvest the secret
/// or assertion the client sends there, and a server that moved to another authorization server would be handed
/// credentials that belong to the old one.
/// </summary>
internal sealed class AuthorizationServerBinding(McpConnectionOptions options, ILogger logger)
{
    private const string NamedOption = nameof(McpConnectionOptions.AuthorizationServer);
    private const string TrustOption = nameof(McpConnectionOptions.TrustDiscoveredAuthorizationServer);

    private Uri? _pinned;

    /// <summary>The issuer to request tokens from: the trusted one, as <paramref name="metadata"/> lists it.</summary>
    /// <exception cref="McpUntrustedAuthorizationServerException">The metadata names no server the credentials belong to.</exception>
    /// <exception cref="McpAuthenticationException">The selector picked a server the metadata does not list.</exception>
    public Uri Choose(ProtectedResourceMetadata metadata)
    {
        if (options.AuthorizationServer is { } named)
        {
            return Listed(metadata, named) ?? throw new McpUntrustedAuthorizationServerException(
                $"The protected-resource metadata at '{metadata.Location}' names {Describe(metadata)}, not '{named}', the one {NamedOption} " +
                $"names. The client's credentials are sent only to that one, so no token was requested. Check {NamedOption} and Endpoint.",
                named,
                metadata.AuthorizationServers);
        }

        if (Volatile.Read(ref _pinned) is { } pinned)
        {
            return Listed(metadata, pinned) ?? throw Moved(metadata, pinned);
        }

        if (!options.TrustDiscoveredAuthorizationServer)
        {
            var listed = metadata.AuthorizationServers;
            throw new McpUntrustedAuthorizationServerException(
                $"The protected-resource metadata at '{metadata.Location}' names {Describe(metadata)}, but the client's credentials are " +
                $"sent only to an authorization server the configuration names. If you trust it, set {NamedOption} to " +
                $"{(listed.Count == 1 ? $"'{listed[0]}'" : "the one you trust")} (or TokenEndpoint to its token endpoint); or set " +
                $"{TrustOption} to true to trust the one discovered and keep it for this connection.",
                null,
                listed);
        }

        var chosen = options.AuthorizationServerSelector?.Invoke(metadata.AuthorizationServers) ?? metadata.AuthorizationServers[0];
        var issuer = Listed(metadata, chosen) ?? throw new McpAuthenticationException(
            $"The AuthorizationServerSelector picked '{chosen}', but the protected-resource metadata at '{metadata.Location}' names " +
            $"{Describe(metadata)}. It must return one of the servers it is shown.");

        // Only the first discovery pins; one that lost a race checks its pick against the winner's.
        if (Interlocked.CompareExchange(ref _pinned, issuer, null) is { } winner)
        {
            return Listed(metadata, winner) ?? throw Moved(metadata, winner);
        }

        AuthLog.AuthorizationServerPinned(logger, options.ClientId!, issuer);
        return issuer;
    }

    private static McpUntrustedAuthorizationServerException Moved(ProtectedResourceMetadata metadata, Uri pinned) => new(
        $"The protected-resource metadata at '{metadata.Location}' now names {Describe(metadata)}, but this connection's credentials " +
        $"belong to '{pinned}', the one first discovered ({TrustOption}), and are never sent to another (SEP-2352). If the server " +
        $"has moved for good, set {NamedOption} to the new issuer and connect again.",
        pinned,
        metadata.AuthorizationServers);

    /// <summary>The issuer as the metadata lists it, or <see langword="null"/> when it does not list it.</summary>
    private static Uri? Listed(ProtectedResourceMetadata metadata, Uri issuer) =>
        metadata.AuthorizationServers.FirstOrDefault(listed => EndpointRules.SameResource(listed, issuer));

    private static string Describe(ProtectedResourceMetadata metadata) =>
        (metadata.AuthorizationServers.Count == 1 ? "the authorization server " : "the authorization servers ")
        + string.Join(", ", metadata.AuthorizationServers.Select(issuer => $"'{issuer}'"));
}
