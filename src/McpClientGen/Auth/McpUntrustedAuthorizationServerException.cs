namespace McpClientGen;

/// <summary>
/// Thrown instead of sending credentials to an authorization server they do not belong to: the resource's
/// protected-resource metadata names only servers other than the one the configuration names
/// (<see cref="McpConnectionOptions.AuthorizationServer"/>) or the one first discovered and pinned
/// (<see cref="McpConnectionOptions.TrustDiscoveredAuthorizationServer"/>), or names one while the configuration
/// names none and does not opt in to trusting discovery. No request has gone to any of the servers it names.
/// </summary>
public sealed class McpUntrustedAuthorizationServerException : McpAuthenticationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and which option to set; never a secret.</param>
    /// <param name="trustedIssuer">The issuer the credentials belong to, or <see langword="null"/> when there is none yet.</param>
    /// <param name="advertisedIssuers">The issuers the resource's metadata names, in the order listed.</param>
    public McpUntrustedAuthorizationServerException(string message, Uri? trustedIssuer, IReadOnlyList<Uri> advertisedIssuers)
        : base(message)
    {
        TrustedIssuer = trustedIssuer;
        AdvertisedIssuers = advertisedIssuers;
    }

    /// <summary>
    /// The issuer the client's credentials belong to: the configured <see cref="McpConnectionOptions.AuthorizationServer"/>,
    /// or the one first discovered and pinned. <see langword="null"/> when the configuration names none and does not
    /// opt in to trusting discovery.
    /// </summary>
    public Uri? TrustedIssuer { get; }

    /// <summary>The issuers the resource's protected-resource metadata names, none of which is trusted with the credentials.</summary>
    public IReadOnlyList<Uri> AdvertisedIssuers { get; }
}
