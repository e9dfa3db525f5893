using System.Net;

namespace McpClientGen;

/// <summary>
/// Thrown when the MCP endpoint, or a discovery or token endpoint, cannot be reached or is not what the URL should
/// point at. Unlike <see cref="McpAuthenticationException"/> it says nothing about credentials: the URL, the network or the
/// server is at fault. The message is one line naming the URL and the likely fix; it never carries secrets or the
/// server's response body. It is an <see cref="HttpRequestException"/>, so code that catches those still catches it.
/// </summary>
public sealed class McpConnectionException : HttpRequestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the connection failed.</param>
    /// <param name="url">The URL that was requested.</param>
    /// <param name="message">The one-line message.</param>
    /// <param name="innerException">The failure of the HTTP stack, if any.</param>
    /// <param name="statusCode">The HTTP status the server answered with, for <see cref="McpConnectionFailure.NotAnMcpEndpoint"/>.</param>
    public McpConnectionException(McpConnectionFailure reason, Uri url, string message, Exception? innerException = null, HttpStatusCode? statusCode = null)
        : base(HttpErrorOf(reason), message, innerException, statusCode)
    {
        ArgumentNullException.ThrowIfNull(url);
        Reason = reason;
        Url = url;
    }

    /// <summary>Why the connection failed.</summary>
    public McpConnectionFailure Reason { get; }

    /// <summary>
    /// The URL that was requested: the MCP endpoint, or a discovery or token endpoint. The runtime's exceptions give it
    /// without user info, and with each query value replaced by <c>…</c>, as their messages show it: either may carry a secret.
    /// </summary>
    public Uri Url { get; }

    /// <summary>The <see cref="HttpRequestException.HttpRequestError"/> that code written for plain HTTP failures checks.</summary>
    private static HttpRequestError HttpErrorOf(McpConnectionFailure reason) => reason switch
    {
        McpConnectionFailure.Unreachable => HttpRequestError.ConnectionError,
        McpConnectionFailure.HostNotFound => HttpRequestError.NameResolutionError,
        McpConnectionFailure.TlsFailure => HttpRequestError.SecureConnectionError,
        _ => HttpRequestError.Unknown,
    };
}
