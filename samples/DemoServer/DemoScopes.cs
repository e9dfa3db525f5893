namespace McpClientGen.DemoServer;

/// <summary>The scopes the demo authorization server knows and the demo MCP server asks for.</summary>
internal static class DemoScopes
{
    public const string Read = "demo.read";

    public const string Write = "demo.write";

    /// <summary>Needed by <c>purge_tickets</c> and permitted to no client, so a step-up to it is always refused.</summary>
    public const string Admin = "demo.admin";

    /// <summary>Every scope the authorization server knows (and lists in its metadata).</summary>
    public static readonly string[] Registered = [Read, Write, Admin];

    /// <summary>
    /// The scopes every registered client is permitted, and the ones the protected-resource metadata advertises.
    /// <see cref="Admin"/> is left out of the metadata on purpose: a client that asks for every advertised scope must
    /// still get a token, and only the 403 challenge of <c>purge_tickets</c> names it.
    /// </summary>
    public static readonly string[] Permitted = [Read, Write];
}
