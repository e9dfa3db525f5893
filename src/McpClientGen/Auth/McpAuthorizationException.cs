namespace McpClientGen;

/// <summary>
/// Thrown when the MCP server keeps refusing a request for lack of scopes (403 <c>insufficient_scope</c>) after
/// the client has asked for tokens with the scopes it named: the authorization server does not grant them to
/// this client. The message names the scopes; it never contains secrets or tokens.
/// </summary>
public sealed class McpAuthorizationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public McpAuthorizationException(string message, string? requiredScopes, string? requestedScopes, Exception? innerException = null)
        : base(message, innerException)
    {
        RequiredScopes = requiredScopes;
        RequestedScopes = requestedScopes;
    }

    /// <summary>The scopes the MCP server's last challenge asked for.</summary>
    public string? RequiredScopes { get; }

    /// <summary>The scopes the last token request asked for.</summary>
    public string? RequestedScopes { get; }
}
