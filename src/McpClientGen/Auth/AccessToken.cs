using System.Net.Http.Headers;

namespace McpClientGen;

/// <summary>An access token and its lifetime. <see cref="ToString"/> never shows the value.</summary>
internal sealed class AccessToken
{
    /// <summary>Tokens are not sent this close to expiry, so they cannot expire in flight or under clock skew.</summary>
    private static readonly TimeSpan MaximumSkew = TimeSpan.FromSeconds(60);

    public AccessToken(string value, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        Value = value;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
        var quarterLifetime = TimeSpan.FromTicks((expiresAt - issuedAt).Ticks / 4);
        UsableUntil = expiresAt - (quarterLifetime < MaximumSkew ? quarterLifetime : MaximumSkew);

        // Built once and shared by every request that carries this token; the header value is immutable.
        AuthorizationHeader = new AuthenticationHeaderValue("Bearer", value);
    }

    /// <summary>The raw token, sent as <c>Authorization: Bearer</c>.</summary>
    public string Value { get; }

    /// <summary>When the token was received.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>When the authorization server says the token expires.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>
    /// The last moment the token is sent: a 60-second skew before expiry, shortened to a quarter of the
    /// lifetime for short-lived tokens so that they are still used for most of their life.
    /// </summary>
    public DateTimeOffset UsableUntil { get; }

    /// <summary>The <c>Authorization</c> header that carries the token.</summary>
    public AuthenticationHeaderValue AuthorizationHeader { get; }

    /// <inheritdoc />
    public override string ToString() => $"AccessToken(expires {ExpiresAt:O})";
}
