namespace McpClientGen.IntegrationTests.Everything;

/// <summary>
/// The typed client the generator builds from <c>schemas/everything.mcp.json</c>, the snapshot of the pinned
/// server-everything: a method per tool, prompt, static resource and resource template, unauthenticated over stdio.
/// </summary>
[McpClient("everything")]
public partial interface IEverythingClient;
