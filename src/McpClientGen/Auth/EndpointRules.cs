namespace McpClientGen;

/// <summary>The transport rules every endpoint McpClientGen talks to must follow.</summary>
internal static class EndpointRules
{
    /// <summary>HTTPS is required, except on loopback where there is no network to protect.</summary>
    public static void EnsureSecure(Uri uri, string role)
    {
        if (!uri.IsAbsoluteUri)
        {
            throw new McpAuthenticationException($"The {role} '{uri}' must be an absolute URL.");
        }

        if (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            return;
        }

        if (uri.Scheme == Uri.UriSchemeHttp)
        {
            // Most often a typo in a local URL rather than a remote server meant to be reached without TLS: name the host.
            var guess = IsNearLocalhost(uri.Host) ? " (did you mean localhost?)" : "";
            throw new McpAuthenticationException(
                $"The {role} '{uri}' must use HTTPS: '{uri.Host}' is not a loopback address{guess}, " +
                "and plain HTTP is allowed only for loopback addresses (localhost, 127.0.0.1, [::1]).");
        }

        throw new McpAuthenticationException(
            $"The {role} '{uri}' must use HTTPS (plain HTTP is allowed only for loopback addresses).");
    }

    /// <summary>
    /// The rule for URLs learned from servers (metadata documents, issuers, token endpoints): HTTPS, or plain HTTP on
    /// loopback only while the MCP endpoint is on loopback too — a remote server must not steer the client to local services.
    /// </summary>
    public static void EnsureSecureNextTo(Uri uri, string role, Uri endpoint)
    {
        EnsureSecure(uri, role);
        if (uri.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback)
        {
            throw new McpAuthenticationException(
                $"The {role} '{uri}' must use HTTPS: plain HTTP on loopback is accepted only when the MCP endpoint is on loopback too.");
        }
    }

    /// <summary>Whether <paramref name="host"/> is at most two typed characters away from <c>localhost</c> (an edit distance).</summary>
    private static bool IsNearLocalhost(string host)
    {
        const string Localhost = "localhost";
        var previous = Enumerable.Range(0, Localhost.Length + 1).ToArray();
        for (var i = 1; i <= host.Length; i++)
        {
            var current = new int[Localhost.Length + 1];
            current[0] = i;
            for (var j = 1; j <= Localhost.Length; j++)
            {
                var substitution = previous[j - 1] + (char.ToLowerInvariant(host[i - 1]) == Localhost[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[Localhost.Length] <= 2;
    }

    /// <summary>Whether two URLs share scheme, host and port, the boundary a token must not cross.</summary>
    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    /// <summary>
    /// Compares resource identifiers the way RFC 9728 intends: scheme and host are case-insensitive and a
    /// trailing slash on the path is not significant.
    /// </summary>
    public static bool SameResource(Uri a, Uri b) =>
        SameOrigin(a, b)
        && string.Equals(a.AbsolutePath.TrimEnd('/'), b.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal)
        && string.Equals(a.Query, b.Query, StringComparison.Ordinal);
}
