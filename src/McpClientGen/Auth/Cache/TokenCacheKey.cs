namespace McpClientGen;

/// <summary>
/// What a cached token is good for: one authorization server, one client, one set of scopes (sorted, so the
/// order they were asked in does not matter), one resource, and the client certificate (its <c>x5t#S256</c>) the token
/// may be bound to, so a token bound to one certificate is never served to a client presenting another. The authority is
/// the issuer the credentials belong to (<see cref="AuthorizationServerBinding"/>), so entries of different authorization
/// servers never meet.
/// </summary>
internal sealed record TokenCacheKey(string Authority, string ClientId, string Scopes, string Resource, string? CertificateThumbprint = null);
