namespace McpClientGen.QuickStart;

/// <summary>
/// The typed client for the demo server. The generator adds one method per tool in
/// <c>schemas/demo.mcp.json</c> and the <c>DemoClient</c> class that implements them.
/// </summary>
[McpClient("demo")]
[ClientCredentials(Scopes = "demo.read demo.write")]
public partial interface IDemoClient;
