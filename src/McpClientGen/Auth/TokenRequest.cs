namespace McpClientGen;

/// <summary>One client-credentials token request: who asks, for which scopes, for which resource.</summary>
/// <param name="TokenEndpoint">Where the request goes.</param>
/// <param name="Credentials">The client's id and secret.</param>
/// <param name="Scopes">Space-separated scopes, or <see langword="null"/> to send none.</param>
/// <param name="Resource">The RFC 8707 resource indicator (the MCP endpoint).</param>
internal sealed record TokenRequest(Uri TokenEndpoint, ClientCredentials Credentials, string? Scopes, Uri Resource);
