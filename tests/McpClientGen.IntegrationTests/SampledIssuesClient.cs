namespace McpClientGen.IntegrationTests;

/// <summary>
/// The demo server's text-only <c>get_issue</c>, from <c>Schemas/sampled.mcp.json</c> (the tool as the demo snapshot has
/// it) with <c>Schemas/sampled.overlay.json</c> beside it: exactly what <c>mcpgen sample</c> writes for a summary and a
/// full issue (the CLI tests keep the committed file equal to the command's output), nothing added by hand.
/// </summary>
[McpClient("sampled")]
[ClientCredentials(Scopes = "demo.read")]
public partial interface ISampledIssuesClient;
