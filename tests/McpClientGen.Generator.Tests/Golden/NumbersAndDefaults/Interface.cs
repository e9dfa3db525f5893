using System.Threading;
using System.Threading.Tasks;
using McpClientGen;
using ModelContextProtocol.Protocol;

namespace Contoso.Issues;

[McpClient("issues")]
public partial interface IIssuesClient
{
    /// <summary>An issue by its number, a whole number although the schema says "number"; 'detail' is left to its default.</summary>
    [McpTool("get_issue")]
    Task<CallToolResult> IssueAsync(string owner, string repo, int issueNumber, CancellationToken cancellationToken = default);

    /// <summary>The same tool with the detail chosen, or its default when null.</summary>
    [McpTool("get_issue")]
    Task<CallToolResult> IssueInDetailAsync(string owner, string repo, long issue_number, GetIssueDetail? detail = null);

    /// <summary>Amounts that need exact decimals, and a ratio that a float holds.</summary>
    [McpTool("set_budget")]
    Task SetBudgetAsync(decimal amount, float? ratio = null, double? limit = null);
}
