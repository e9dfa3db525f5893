namespace McpClientGen.IntegrationTests;

/// <summary>The typed client the generator builds from <c>schemas/demo.mcp.json</c>.</summary>
[McpClient("demo")]
[ClientCredentials(Scopes = "demo.read demo.write")]
public partial interface IDemoClient;
