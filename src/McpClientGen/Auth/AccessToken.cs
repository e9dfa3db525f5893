namespace McpClientGen;

/// <summary>An access token and its lifetime. <see cref="ToString"/> never shows the value.</summary>
internal sealed class AccessToken(string value, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
{
    /// <summary>Tokens are not sent this close to expiry, so they cannot expire in flight or under clock skew.</summary>
    private static readonly TimeSpan MaximumSkew = TimeSpan.FromSeconds(60);

    /// <summary>The raw token, sent as <c>Authorization: Bearer</c>.</summary>
    public string Value { get; } = value;

    /// <summary>When the token was received.</summary>
    public DateTimeOffset IssuedAt { get; } = issuedAt;

    /// <summary>When the authorization server says the token expires.</summary>
    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <summary>
    /// The last moment the token is sent: a 60-second skew before expiry, shortened to a quarter of the
    /// lifetime for short-lived tokens so that they are still used for most of their life.
    /// </summary>
    public DateTimeOffset UsableUntil
    {
        get
        {
            var quarterLifetime = TimeSpan.FromTicks((ExpiresAt - IssuedAt).Ticks / 4);
            return ExpiresAt - (quarterLifetime < MaximumSkew ? quarterLifetime : MaximumSkew);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"AccessToken(expires {ExpiresAt:O})";
}
