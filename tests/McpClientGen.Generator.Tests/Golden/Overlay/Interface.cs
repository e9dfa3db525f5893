namespace Contoso.Issues;

/// <summary>A GitHub-style server that publishes no output schemas, typed by the overlay beside its snapshot.</summary>
[McpClientGen.McpClient("issues")]
public partial interface IIssuesClient;
