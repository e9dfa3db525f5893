using ModelContextProtocol.Protocol;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// A client that states what the demo's <c>get_issue</c> schema leaves open: the issue number, a JSON <c>number</c>, is
/// a whole number (<c>int</c>), and <c>detail</c>, required but with a default, is left out.
/// </summary>
[McpClient("demo", Include = ["get_issue"])]
[ClientCredentials(Scopes = "demo.read")]
public partial interface IDemoIssueNumbersClient
{
    /// <summary>An issue by its number; the schema's default detail is sent.</summary>
    [McpTool("get_issue")]
    Task<CallToolResult> IssueAsync(string owner, string repo, int issueNumber, CancellationToken cancellationToken = default);
}
