namespace McpClientGen;

/// <summary>
/// What a cached token is good for: one authorization server, one client, one set of scopes (sorted, so the
/// order they were asked in does not matter), one resource, the client certificate (its <c>x5t#S256</c>) the token
/// may be bound to, so a token bound to one certificate is never served to a client presenting another, and the
/// <see cref="McpClientGen.CredentialFingerprint"/> of the secret or key it was requested with, so a rotated one keys
/// tokens of its own. The authority is the issuer the credentials belong to (<see cref="AuthorizationServerBinding"/>),
/// so entries of different authorization servers never meet.
/// </summary>
internal sealed record TokenCacheKey(
    string Authority, string ClientId, string Scopes, string Resource, string? CertificateThumbprint = null, string? CredentialFingerprint = null);
