namespace McpClientGen.DemoServer;

/// <summary>The scopes the demo authorization server knows and the demo MCP server advertises.</summary>
internal static class DemoScopes
{
    public const string Read = "demo.read";

    public const string Write = "demo.write";

    public static readonly string[] All = [Read, Write];
}
