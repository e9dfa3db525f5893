namespace McpClientGen.IntegrationTests.Stdio;

/// <summary>
/// The typed client the generator builds from <c>Schemas/stdio-test.mcp.json</c>, the snapshot of the stdio test server;
/// unauthenticated, as stdio servers are.
/// </summary>
[McpClient("stdio-test")]
public partial interface IStdioTestClient;
