using McpClientGen.DemoServer;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// Connection options for the demo stack's MCP endpoint and its registered client, naming the demo authorization server
/// as the one the credentials belong to, as a production configuration would.
/// </summary>
internal static class DemoStackConnection
{
    public static McpConnectionOptions ClientOptions(this DemoStack stack) => new()
    {
        Endpoint = stack.McpEndpoint,
        ClientId = stack.ClientId,
        ClientSecret = stack.ClientSecret,
        AuthorizationServer = stack.Issuer,
    };
}
