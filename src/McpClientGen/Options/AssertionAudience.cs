namespace McpClientGen;

/// <summary>The <c>aud</c> claim of a <c>private_key_jwt</c> client assertion.</summary>
public enum AssertionAudience
{
    /// <summary>The authorization server's issuer identifier, as RFC 7523bis and the MCP conformance suite expect.</summary>
    Issuer,

    /// <summary>The token endpoint URL, as Microsoft Entra ID expects.</summary>
    TokenEndpoint,

    /// <summary>The value of <c>CustomAssertionAudience</c>.</summary>
    Custom,
}
