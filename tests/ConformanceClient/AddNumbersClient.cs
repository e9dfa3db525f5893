namespace McpClientGen.ConformanceClient;

/// <summary>The <c>tools_call</c> scenario's server, from <c>schemas/conformance-tools.mcp.json</c>.</summary>
[McpClient("conformance-tools")]
internal partial interface IAddNumbersClient;
