namespace McpClientGen;

/// <summary>
/// Where an MCP server is and how to authenticate to it with OAuth 2.0 client credentials.
/// Bind it from configuration (for example the section <c>Mcp:Crm</c>); keep <see cref="ClientSecret"/> in a
/// secret store such as user-secrets, environment variables or a vault provider.
/// </summary>
public sealed class McpConnectionOptions
{
    /// <summary>The MCP endpoint, for example <c>https://crm.example.com/mcp</c>. Configuration key <c>Endpoint</c>. Required.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The OAuth client id registered at the authorization server. Configuration key <c>ClientId</c>. Required.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth client secret. Configuration key <c>ClientSecret</c>. Required. Never logged or shown.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Space-separated scopes to request. Configuration key <c>Scopes</c>. Defaults to the interface's
    /// <see cref="ClientCredentialsAttribute.Scopes"/>; when neither is set no <c>scope</c> is sent.
    /// </summary>
    public string? Scopes { get; set; }

    /// <summary>
    /// The token endpoint. Configuration key <c>TokenEndpoint</c>. When set, discovery (protected-resource
    /// metadata and authorization-server metadata) is skipped.
    /// </summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>
    /// How long a token is trusted when the server's response has no <c>expires_in</c>. Configuration key
    /// <c>DefaultTokenLifetime</c>. Default 5 minutes: short enough that a revoked or shorter-lived token is
    /// replaced soon, long enough not to flood the authorization server.
    /// </summary>
    public TimeSpan DefaultTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Describes the options without the secret.</summary>
    public override string ToString() =>
        $"Endpoint={Endpoint}, ClientId={ClientId}, ClientSecret={(ClientSecret is null ? "<none>" : "***")}, Scopes={Scopes}, TokenEndpoint={TokenEndpoint}";

    /// <summary>A copy that uses <paramref name="defaultScopes"/> when no scopes are configured.</summary>
    internal McpConnectionOptions WithDefaultScopes(string? defaultScopes)
    {
        var copy = (McpConnectionOptions)MemberwiseClone();
        if (string.IsNullOrWhiteSpace(copy.Scopes))
        {
            copy.Scopes = defaultScopes;
        }

        return copy;
    }

    /// <summary>Throws when a required setting is missing, naming its configuration key.</summary>
    internal void Validate()
    {
        var missing = new List<string>();
        if (Endpoint is null) missing.Add(nameof(Endpoint));
        if (string.IsNullOrWhiteSpace(ClientId)) missing.Add(nameof(ClientId));
        if (string.IsNullOrEmpty(ClientSecret)) missing.Add(nameof(ClientSecret));
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The MCP connection options are incomplete: set {string.Join(", ", missing)} (configuration keys of the same names).");
        }

        if (DefaultTokenLifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{nameof(DefaultTokenLifetime)} must be positive.");
        }

        EndpointRules.EnsureSecure(Endpoint!, "MCP endpoint");
        if (TokenEndpoint is not null)
        {
            EndpointRules.EnsureSecure(TokenEndpoint, "token endpoint");
        }
    }
}
