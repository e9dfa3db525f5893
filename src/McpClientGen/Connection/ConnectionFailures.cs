using System.Net;
using ModelContextProtocol;

namespace McpClientGen;

/// <summary>
/// Recognises the failures of the HTTP stack that mean "this URL cannot be reached, or is not an MCP endpoint" and turns
/// them into one-line <see cref="McpConnectionException"/>s that say what to check. Only the URL, the status code and the
/// runtime's own cause text (such as "Connection refused") reach the message, never a response body; the URL without its
/// user info and query values (see <see cref="Redacted"/>).
/// </summary>
internal static class ConnectionFailures
{
    private const int MaxCauseLength = 200;

    /// <summary>
    /// A failure of a discovery or token request to <paramref name="url"/>, or <see langword="null"/> when it is not about
    /// connectivity. <paramref name="role"/> says what the URL is, with its article: "the token endpoint".
    /// </summary>
    public static McpConnectionException? ForBackchannel(Exception exception, Uri url, string role) =>
        ForBackchannelAt(exception, Redacted(url), role);

    /// <summary>
    /// <paramref name="url"/> as messages and <see cref="McpConnectionException.Url"/> show it: without user info, and with
    /// each query value replaced by <c>…</c>, since either may carry a secret (<c>https://user:password@host</c>, <c>?api_key=</c>).
    /// </summary>
    internal static Uri Redacted(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.UserInfo.Length == 0 && url.Query.Length == 0))
        {
            return url;
        }

        var names = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(parameter => parameter.Contains('=', StringComparison.Ordinal) ? parameter[..parameter.IndexOf('=', StringComparison.Ordinal)] + "=…" : parameter);
        return new UriBuilder(url) { UserName = "", Password = "", Query = string.Join("&", names) }.Uri;
    }

    private static McpConnectionException? ForBackchannelAt(Exception exception, Uri url, string role) =>
        exception is Polly.Timeout.TimeoutRejectedException
            ? new McpConnectionException(
                McpConnectionFailure.TimedOut,
                url,
                $"{Capitalized(role)} '{url}' did not answer in time. Check the URL and that no firewall or proxy holds the connection, or raise TokenRequestTimeout.",
                exception)
            : FromTransport(exception, url, role);

    /// <summary>
    /// A failure on the MCP endpoint, or <see langword="null"/> when it is something else (a protocol error, a refused token).
    /// While the session opens, a 404 or 405, or an answer without a JSON-RPC reply, means the URL is not an MCP endpoint;
    /// later a 404 is the server forgetting the session, which the MCP SDK handles.
    /// </summary>
    public static McpConnectionException? ForMcpEndpoint(Exception exception, Uri endpoint, bool opening)
    {
        const string Role = "the MCP endpoint";
        endpoint = Redacted(endpoint);
        if (FromTransport(exception, endpoint, Role) is { } failure)
        {
            return failure;
        }

        if (!opening)
        {
            return null;
        }

        return exception switch
        {
            HttpRequestException { StatusCode: HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed } http => new McpConnectionException(
                McpConnectionFailure.NotAnMcpEndpoint,
                endpoint,
                $"'{endpoint}' is not an MCP endpoint: the server answered the MCP handshake with HTTP {(int)http.StatusCode} ({http.StatusCode}). {PathHint}",
                innerException: null, // The SDK's exception quotes the response body (a whole web page), which ToString() and logs would print.
                http.StatusCode),

            // The SDK's own failure (not a JSON-RPC error from the server) when a 2xx answer, such as a web page, holds no reply.
            // Its other failures of the same type, a revision the server does not speak or a transport closed under the
            // handshake, say nothing about the path and pass as they are.
            McpException when exception.GetType() == typeof(McpException) && !IsRevisionOrClosedTransport(exception.Message) => new McpConnectionException(
                McpConnectionFailure.NotAnMcpEndpoint,
                endpoint,
                $"'{endpoint}' is not an MCP endpoint: the server answered the MCP handshake without a JSON-RPC reply. {PathHint}",
                exception),
            _ => null,
        };
    }

    private static bool IsRevisionOrClosedTransport(string message) =>
        message.Contains("protocol version", StringComparison.OrdinalIgnoreCase) || message.Contains("transport was closed", StringComparison.OrdinalIgnoreCase);

    private const string PathHint = "Check the path of the URL: an MCP server serves one path, often '/mcp'.";

    private static McpConnectionException? FromTransport(Exception exception, Uri url, string role)
    {
        if (exception is McpConnectionException known)
        {
            return known;
        }

        if (exception is TaskCanceledException { InnerException: TimeoutException })
        {
            // HttpClient.Timeout elapsed; a caller's own cancellation has no TimeoutException inside.
            return new McpConnectionException(
                McpConnectionFailure.TimedOut, url, $"{Capitalized(role)} '{url}' did not answer in time. Check the URL and that no firewall or proxy holds the connection.", exception);
        }

        if (exception is not HttpRequestException http)
        {
            return null;
        }

        var cause = Cause(http);
        return http.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => new McpConnectionException(
                McpConnectionFailure.HostNotFound, url, $"Cannot connect to {role} '{url}': the host '{url.Host}' was not found ({cause}). Check the host name.", http),
            HttpRequestError.ConnectionError => new McpConnectionException(
                McpConnectionFailure.Unreachable,
                url,
                $"Cannot connect to {role} '{url}': {cause}. Check that the server is running and that the host and port are right.",
                http),
            HttpRequestError.SecureConnectionError => new McpConnectionException(
                McpConnectionFailure.TlsFailure,
                url,
                $"The TLS connection to {role} '{url}' failed: {cause}. Check that the URL's host name is the one in the server's certificate, " +
                "that the certificate has not expired, and that it is trusted (ServerCertificateAuthorities can name a private authority).",
                http),

            HttpRequestError.ProxyTunnelError => new McpConnectionException(
                McpConnectionFailure.Unreachable,
                url,
                $"Cannot connect to {role} '{url}' through the HTTP proxy: {cause}. Check the proxy settings (HTTPS_PROXY, NO_PROXY) and the scheme and port of the URL.",
                http),
            // The connection broke before a whole HTTP answer came: most often a plain-HTTP request to a TLS port (or the
            // reverse), which reads like a server fault but is the URL's scheme or port.
            _ when IsBroken(http) => new McpConnectionException(
                McpConnectionFailure.Unreachable,
                url,
                $"{Capitalized(role)} '{url}' gave no HTTP answer: {cause}. Check the scheme and port: http:// to a TLS port (or https:// to a plain one) fails this way; " +
                "else the server or a proxy dropped the connection.",
                http),
            _ => null,
        };
    }

    /// <summary>
    /// Whether the connection broke under the request: answered with something HTTP cannot read, ended early, or reset by
    /// the other end after it was made (which the HTTP stack reports with no error kind of its own).
    /// </summary>
    private static bool IsBroken(HttpRequestException http) =>
        http.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse
        || http.InnerException is IOException { InnerException: System.Net.Sockets.SocketException };

    /// <summary>The innermost cause's message ("Connection refused"), on one line and capped.</summary>
    private static string Cause(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is { } inner)
        {
            innermost = inner;
        }

        var text = innermost.Message.Replace('\r', ' ').Replace('\n', ' ').TrimEnd('.', ' ');
        return text.Length <= MaxCauseLength ? text : text[..MaxCauseLength] + "…";
    }

    private static string Capitalized(string role) => char.ToUpperInvariant(role[0]) + role[1..];
}
