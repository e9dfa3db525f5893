namespace McpClientGen.ConformanceClient;

/// <summary>The server of the suite's auth scenarios, from <c>schemas/conformance-auth.mcp.json</c>.</summary>
[McpClient("conformance-auth")]
internal partial interface IAuthTestClient;
