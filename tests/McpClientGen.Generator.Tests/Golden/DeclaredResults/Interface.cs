using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using McpClientGen;

namespace Contoso.Issues;

/// <summary>A text-only tool (no outputSchema), typed by the results its methods declare.</summary>
[McpClient("issues", JsonContext = typeof(IssueJson))]
public partial interface IIssuesClient
{
    /// <summary>The issue as a type of the user's own, read through <see cref="IssueJson"/>.</summary>
    [McpTool("get_issue")]
    Task<Issue> GetIssueAsync(string owner, string repo, double issue_number, GetIssueDetail detail, CancellationToken cancellationToken = default);

    /// <summary>The same, declared nullable.</summary>
    [McpTool("get_issue")]
    Task<Issue?> FindIssueAsync(string owner, string repo, double issue_number, GetIssueDetail detail);

    /// <summary>The issue's JSON.</summary>
    [McpTool("get_issue")]
    Task<JsonElement> GetIssueJsonAsync(string owner, string repo, double issue_number, GetIssueDetail detail);

    /// <summary>The issue's text.</summary>
    [McpTool("get_issue")]
    Task<string> GetIssueTextAsync(string owner, string repo, double issue_number, GetIssueDetail detail, CancellationToken cancellationToken = default);
}

/// <summary>The user's own result type.</summary>
public sealed record Issue(
    [property: JsonPropertyName("number")] long Number,
    [property: JsonPropertyName("labels")] IReadOnlyList<string> Labels);

/// <summary>
/// The user's context. System.Text.Json's source generator does not run in this test, so this stands in for what it
/// would add to a <c>[JsonSerializable]</c> partial class: the static <c>Default</c> and the abstract members.
/// </summary>
[JsonSerializable(typeof(Issue))]
internal sealed partial class IssueJson : JsonSerializerContext
{
    private IssueJson() : base(null)
    {
    }

    public static IssueJson Default { get; } = new();

    protected override JsonSerializerOptions? GeneratedSerializerOptions => null;

    public override JsonTypeInfo? GetTypeInfo(Type type) => null;
}
