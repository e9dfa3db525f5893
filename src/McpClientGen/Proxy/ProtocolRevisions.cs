using System.Collections.Concurrent;

namespace McpClientGen;

/// <summary>
/// The protocol revision each MCP endpoint agreed on, remembered for the whole process. Without a configured revision the
/// MCP SDK first probes <c>server/discover</c>, which a server of an older revision answers with HTTP 400 before the
/// <c>initialize</c> handshake; asking later sessions for the revision the endpoint already agreed on makes that probe
/// happen once per endpoint, not once per session or connection. An endpoint is its scheme, host, port and path: user
/// info and query (which may carry secrets) neither split nor name an entry.
/// </summary>
internal sealed class ProtocolRevisions
{
    /// <summary>
    /// More endpoints than a process talks to; a process that makes up endpoints (a proxy, a test run) starts over when it
    /// passes this, which costs each endpoint one more probe, not memory without end.
    /// </summary>
    internal const int MaxEndpoints = 256;

    private readonly ConcurrentDictionary<string, string> _agreed = new(StringComparer.Ordinal);

    /// <summary>The store every connection in the process shares.</summary>
    public static ProtocolRevisions Shared { get; } = new();

    /// <summary>How many endpoints are remembered.</summary>
    internal int Count => _agreed.Count;

    /// <summary>The revision a session with <paramref name="endpoint"/> agreed on, if one did.</summary>
    public string? For(Uri endpoint) => _agreed.GetValueOrDefault(KeyOf(endpoint));

    public void Remember(Uri endpoint, string? revision)
    {
        if (string.IsNullOrEmpty(revision))
        {
            return;
        }

        if (_agreed.Count >= MaxEndpoints)
        {
            _agreed.Clear();
        }

        _agreed[KeyOf(endpoint)] = revision;
    }

    /// <summary>
    /// Drops <paramref name="revision"/> after a session that asked for it failed to open: the server may have changed,
    /// so the next session probes again.
    /// </summary>
    public void Forget(Uri endpoint, string revision) => _agreed.TryRemove(new KeyValuePair<string, string>(KeyOf(endpoint), revision));

    private static string KeyOf(Uri endpoint) =>
        endpoint.GetComponents(UriComponents.Scheme | UriComponents.Host | UriComponents.Port | UriComponents.Path, UriFormat.UriEscaped);
}
