namespace McpClientGen.Benchmarks;

/// <summary>The typed client the generator builds from <c>schemas/demo.mcp.json</c>, as the integration tests declare it.</summary>
[McpClient("demo")]
[ClientCredentials(Scopes = "demo.read demo.write")]
public partial interface IDemoClient;
