namespace McpClientGen;

/// <summary>A platform token as read for one token request, and where it came from (for messages; never the token).</summary>
/// <param name="Value">The JWT, trimmed.</param>
/// <param name="Source">The option it came from, such as <c>PlatformTokenFile '/var/run/secrets/tokens/mcp'</c>.</param>
internal sealed record PlatformToken(string Value, string Source)
{
    /// <inheritdoc />
    public override string ToString() => $"PlatformToken(from {Source})";
}
