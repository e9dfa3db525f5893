namespace McpClientGen;

/// <summary>
/// Declares that the server is called with an OAuth 2.0 client-credentials access token, and the non-secret
/// settings of that token request. Secrets and keys never go here: they come from configuration
/// (<see cref="McpConnectionOptions.ClientSecret"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class ClientCredentialsAttribute : Attribute
{
    /// <summary>
    /// Space-separated scopes to request, for example <c>"crm.read crm.write"</c>. Used when
    /// <see cref="McpConnectionOptions.Scopes"/> is not set.
    /// </summary>
    public string? Scopes { get; set; }
}
