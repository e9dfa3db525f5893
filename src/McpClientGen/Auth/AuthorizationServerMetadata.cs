namespace McpClientGen;

/// <summary>What the client needs to know about the authorization server (RFC 8414).</summary>
/// <param name="Issuer">The issuer identifier.</param>
/// <param name="TokenEndpoint">Where token requests go.</param>
internal sealed record AuthorizationServerMetadata(Uri Issuer, Uri TokenEndpoint);
