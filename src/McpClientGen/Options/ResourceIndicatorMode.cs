namespace McpClientGen;

/// <summary>Whether the token request carries the RFC 8707 <c>resource</c> parameter (the MCP endpoint).</summary>
public enum ResourceIndicatorMode
{
    /// <summary>
    /// Sent, as the MCP specification requires, except to Microsoft Entra ID's v2 token endpoints, which reject it
    /// (there the audience comes from a <c>api://…/.default</c> scope).
    /// </summary>
    Auto,

    /// <summary>Always sent.</summary>
    Always,

    /// <summary>Never sent; for authorization servers that reject it (use <c>AdditionalTokenParameters</c>, such as Auth0's <c>audience</c>, instead).</summary>
    Never,
}
