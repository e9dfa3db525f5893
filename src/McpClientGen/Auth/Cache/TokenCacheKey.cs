namespace McpClientGen;

/// <summary>
/// What a cached token is good for: one authorization server, one client, one set of scopes (sorted, so the
/// order they were asked in does not matter) and one resource.
/// </summary>
internal sealed record TokenCacheKey(string Authority, string ClientId, string Scopes, string Resource);
