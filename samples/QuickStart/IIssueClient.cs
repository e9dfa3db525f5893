using System.Text.Json.Serialization;

namespace McpClientGen.QuickStart;

/// <summary>
/// The demo's <c>get_issue</c> publishes no output schema and answers with JSON text, as most public MCP servers do.
/// Declaring the result type makes it typed anyway: the generated method reads the text through <see cref="IssueJson"/>,
/// a System.Text.Json source-generated context, so the client stays Native-AOT-safe.
/// </summary>
[McpClient("demo", Include = ["get_issue"], JsonContext = typeof(IssueJson))]
public partial interface IIssueClient
{
    /// <summary>Gets an issue of a repository.</summary>
    [McpTool("get_issue")]
    Task<Issue> GetIssueAsync(string owner, string repo, double issue_number, GetIssueDetail detail, CancellationToken cancellationToken = default);
}

/// <summary>An issue, with the fields this sample reads; JSON names come from the context's snake_case policy.</summary>
/// <param name="Number">The issue's number.</param>
/// <param name="Title">Its title.</param>
/// <param name="User">Who opened it.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="CreatedAt">When it was opened (<c>created_at</c>).</param>
/// <param name="Body">The body, sent only for the full detail.</param>
public sealed record Issue(long Number, string Title, IssueUser User, IReadOnlyList<IssueLabel> Labels, DateTimeOffset CreatedAt, string? Body);

/// <summary>A user.</summary>
/// <param name="Login">The login.</param>
public sealed record IssueUser(string Login);

/// <summary>A label.</summary>
/// <param name="Name">The label's name.</param>
public sealed record IssueLabel(string Name);

/// <summary>The System.Text.Json context that reads <see cref="Issue"/> without reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Issue))]
internal sealed partial class IssueJson : JsonSerializerContext;
