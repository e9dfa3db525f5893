using System.Collections.Concurrent;

namespace McpClientGen;

/// <summary>
/// The protocol revision each MCP endpoint agreed on, remembered for the whole process. Without a configured revision the
/// MCP SDK first probes <c>server/discover</c>, which a server of an older revision answers with HTTP 400 before the
/// <c>initialize</c> handshake; asking later sessions for the revision the endpoint already agreed on makes that probe
/// happen once per endpoint, not once per session or connection.
/// </summary>
internal static class ProtocolRevisions
{
    private static readonly ConcurrentDictionary<string, string> Agreed = new(StringComparer.Ordinal);

    /// <summary>The revision a session with <paramref name="endpoint"/> agreed on, if one did.</summary>
    public static string? For(Uri endpoint) => Agreed.GetValueOrDefault(endpoint.AbsoluteUri);

    public static void Remember(Uri endpoint, string? revision)
    {
        if (!string.IsNullOrEmpty(revision))
        {
            Agreed[endpoint.AbsoluteUri] = revision;
        }
    }

    /// <summary>
    /// Drops <paramref name="revision"/> after a session that asked for it failed to open: the server may have changed,
    /// so the next session probes again.
    /// </summary>
    public static void Forget(Uri endpoint, string revision) => Agreed.TryRemove(new KeyValuePair<string, string>(endpoint.AbsoluteUri, revision));
}
