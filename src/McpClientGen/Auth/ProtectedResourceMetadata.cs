namespace McpClientGen;

/// <summary>An MCP server's protected-resource metadata (RFC 9728).</summary>
/// <param name="Location">Where the document was read.</param>
/// <param name="AuthorizationServers">The issuers that can grant tokens for the resource, in the order listed.</param>
/// <param name="ScopesSupported">The scopes the resource understands; empty when not listed.</param>
internal sealed record ProtectedResourceMetadata(Uri Location, IReadOnlyList<Uri> AuthorizationServers, IReadOnlyList<string> ScopesSupported);
