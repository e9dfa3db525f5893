namespace McpClientGen.IntegrationTests;

/// <summary>
/// The demo server's text-only <c>get_issue</c>, from <c>Schemas/issues.mcp.json</c> (the tool as the demo snapshot has
/// it) with <c>Schemas/issues.overlay.json</c> beside it: the overlay adds the output schema the server does not publish
/// and narrows <c>issue_number</c> to an integer.
/// </summary>
[McpClient("issues")]
[ClientCredentials(Scopes = "demo.read")]
public partial interface IIssuesClient;
