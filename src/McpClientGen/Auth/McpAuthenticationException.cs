namespace McpClientGen;

/// <summary>
/// Thrown when McpClientGen cannot obtain an access token: discovery failed, the authorization server refused
/// the client, or an endpoint breaks a security rule. The message says what failed, at which URL, and what
/// to change; it never contains secrets or tokens. <see cref="McpUntrustedAuthorizationServerException"/> is the case
/// of a resource that names an authorization server the client's credentials do not belong to.
/// </summary>
public class McpAuthenticationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public McpAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public McpAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an OAuth error response (RFC 6749 §5.2).</summary>
    public McpAuthenticationException(string message, string? error, string? errorDescription)
        : base(message)
    {
        Error = error;
        ErrorDescription = errorDescription;
    }

    /// <summary>The OAuth <c>error</c> code the authorization server returned, such as <c>invalid_client</c>.</summary>
    public string? Error { get; }

    /// <summary>The authorization server's <c>error_description</c>, if any.</summary>
    public string? ErrorDescription { get; }

    /// <summary>The HTTP status of the token endpoint's error response, when the exception reports one.</summary>
    internal System.Net.HttpStatusCode? StatusCode { get; init; }
}
