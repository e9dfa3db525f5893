using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace McpClientGen;

/// <summary>
/// An access token as a <see cref="IMcpSharedTokenStore"/> keeps it: the token and what the engine needs to trust it
/// again. <see cref="ToString"/> never shows the token.
/// </summary>
/// <param name="value">The raw access token.</param>
/// <param name="authority">The authorization server that issued it; a process takes it only for that server.</param>
/// <param name="issuedAt">When it was received.</param>
/// <param name="expiresAt">When the authorization server says it expires.</param>
/// <param name="requestedScopes">The scopes it was requested with, sorted and space-separated.</param>
/// <param name="certificateThumbprint">The <c>x5t#S256</c> of the client certificate it may be bound to, or <see langword="null"/>.</param>
public sealed class SharedTokenEntry(
    string value, string authority, DateTimeOffset issuedAt, DateTimeOffset expiresAt, string requestedScopes, string? certificateThumbprint)
{
    /// <summary>The raw access token. A store that persists it should encrypt it.</summary>
    public string Value { get; } = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The authorization server that issued the token.</summary>
    public string Authority { get; } = authority ?? throw new ArgumentNullException(nameof(authority));

    /// <summary>When the token was received.</summary>
    public DateTimeOffset IssuedAt { get; } = issuedAt;

    /// <summary>When the authorization server says the token expires.</summary>
    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <summary>The scopes the token was requested with, sorted and space-separated.</summary>
    public string RequestedScopes { get; } = requestedScopes ?? throw new ArgumentNullException(nameof(requestedScopes));

    /// <summary>The <c>x5t#S256</c> of the client certificate the token may be bound to, or <see langword="null"/>.</summary>
    public string? CertificateThumbprint { get; } = certificateThumbprint;

    /// <summary>
    /// A one-way digest of <see cref="Value"/>, which <see cref="IMcpSharedTokenStore.RemoveIfAsync"/> compares with, so
    /// the engine can name a rejected token without handing it out again.
    /// </summary>
    public string ValueHash => HashOf(Value);

    /// <inheritdoc />
    public override string ToString() => $"SharedTokenEntry(authority {Authority}, expires {ExpiresAt:O})";

    /// <summary>The <see cref="ValueHash"/> of the token <paramref name="value"/>.</summary>
    internal static string HashOf(string value) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes("McpClientGen shared token value\0" + value)));
}
