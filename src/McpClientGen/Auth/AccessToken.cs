using System.Net.Http.Headers;

namespace McpClientGen;

/// <summary>An access token and the times that govern its use. <see cref="ToString"/> never shows the value.</summary>
internal sealed class AccessToken
{
    /// <param name="value">The raw token.</param>
    /// <param name="issuedAt">When it was received.</param>
    /// <param name="expiresAt">When the authorization server says it expires.</param>
    /// <param name="skew">How long before expiry it stops being sent; at most a quarter of the lifetime.</param>
    /// <param name="refreshRatio">The fraction of the usable window (until <see cref="UsableUntil"/>) after which a replacement is fetched in the background.</param>
    /// <param name="requestedScopes">The scopes the token was requested with, sorted and space-separated.</param>
    /// <param name="authority">Who issued it (<see cref="AuthorizationServerMetadata.Authority"/>); empty when unknown.</param>
    /// <param name="certificate">The client certificate presented when the token was requested, to which it may be bound.</param>
    public AccessToken(
        string value,
        DateTimeOffset issuedAt,
        DateTimeOffset expiresAt,
        TimeSpan skew,
        double refreshRatio,
        string requestedScopes = "",
        string authority = "",
        ClientCertificate? certificate = null)
    {
        Value = value;
        RequestedScopes = requestedScopes;
        Authority = authority;
        Certificate = certificate;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
        var lifetime = expiresAt - issuedAt;
        var quarterLifetime = TimeSpan.FromTicks(lifetime.Ticks / 4);
        UsableUntil = expiresAt - (quarterLifetime < skew ? quarterLifetime : skew);
        // Measured within the usable window, so short-lived tokens get a refresh-ahead window too.
        RefreshAt = issuedAt + TimeSpan.FromTicks((long)((UsableUntil - issuedAt).Ticks * refreshRatio));

        // Built once and shared by every request that carries this token; the header value is immutable.
        AuthorizationHeader = new AuthenticationHeaderValue("Bearer", value);
    }

    /// <summary>The raw token, sent as <c>Authorization: Bearer</c>.</summary>
    public string Value { get; }

    /// <summary>The scopes the token was requested with (the server may have granted fewer).</summary>
    public string RequestedScopes { get; }

    /// <summary>
    /// The issuer (or configured token endpoint) the token was requested from. A shared cache keeps it with the token, and
    /// a token is never taken from there for a key of another authority.
    /// </summary>
    public string Authority { get; }

    /// <summary>
    /// The client certificate presented when the token was requested (RFC 8705 §3): the token is sent only over connections
    /// that present it, since a server may have bound it to that certificate whether or not the client can tell.
    /// <see langword="null"/> for a client without a certificate.
    /// </summary>
    public ClientCertificate? Certificate { get; }

    /// <summary>When the token was received.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>When the authorization server says the token expires.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>From here on a replacement is fetched in the background while this token is still sent.</summary>
    public DateTimeOffset RefreshAt { get; }

    /// <summary>The last moment the token is sent, so that it cannot expire in flight or under clock skew.</summary>
    public DateTimeOffset UsableUntil { get; }

    /// <summary>The <c>Authorization</c> header that carries the token.</summary>
    public AuthenticationHeaderValue AuthorizationHeader { get; }

    /// <inheritdoc />
    public override string ToString() => $"AccessToken(expires {ExpiresAt:O})";
}
