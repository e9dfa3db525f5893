namespace McpClientGen.ConformanceClient;

/// <summary>
/// The server of the <c>http-custom-headers</c> scenario (SEP-2243), from <c>schemas/conformance-http-headers.mcp.json</c>:
/// its parameters marked <c>x-mcp-header</c> are mirrored into <c>Mcp-Param-*</c> headers from the snapshot's schemas,
/// without listing the tools first.
/// </summary>
[McpClient("conformance-http-headers")]
internal partial interface ICustomHeadersClient;
