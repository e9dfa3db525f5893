using System.Text.Json;
using System.Text.Json.Serialization;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// The demo's text-only <c>get_issue</c> tool (no outputSchema), typed by the results its methods declare: a type of
/// the user's own read through their System.Text.Json context, the JSON as it is, and the text.
/// </summary>
[McpClient("demo", Include = ["get_issue"], JsonContext = typeof(DemoIssueJson))]
[ClientCredentials(Scopes = "demo.read")]
public partial interface IDemoIssueClient
{
    /// <summary>The issue as <see cref="DemoIssue"/>.</summary>
    [McpTool("get_issue")]
    Task<DemoIssue> GetIssueAsync(string owner, string repo, double issue_number, GetIssueDetail detail, CancellationToken cancellationToken = default);

    /// <summary>The issue's JSON, parsed from the text.</summary>
    [McpTool("get_issue")]
    Task<JsonElement> GetIssueJsonAsync(string owner, string repo, double issue_number, GetIssueDetail detail);

    /// <summary>The issue's text as the server sent it.</summary>
    [McpTool("get_issue")]
    Task<string> GetIssueTextAsync(string owner, string repo, double issue_number, GetIssueDetail detail, CancellationToken cancellationToken = default);
}

/// <summary>An issue as GitHub-shaped servers return it; the names come from the context's snake_case policy.</summary>
public sealed record DemoIssue
{
    /// <summary>The issue's number.</summary>
    public required long Number { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary><c>open</c> or <c>closed</c>.</summary>
    public required string State { get; init; }

    /// <summary>Who opened it.</summary>
    public required DemoIssueUser User { get; init; }

    /// <summary>Its labels.</summary>
    public required IReadOnlyList<DemoIssueLabel> Labels { get; init; }

    /// <summary>How many comments it has.</summary>
    public int Comments { get; init; }

    /// <summary>When it was opened (<c>created_at</c>).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Its page (<c>html_url</c>).</summary>
    public required Uri HtmlUrl { get; init; }

    /// <summary>The body; <see langword="null"/> unless the full detail was asked for.</summary>
    public string? Body { get; init; }
}

/// <summary>A user of <see cref="DemoIssue"/>.</summary>
/// <param name="Login">The user's login.</param>
public sealed record DemoIssueUser(string Login);

/// <summary>A label of <see cref="DemoIssue"/>.</summary>
/// <param name="Name">The label's name.</param>
/// <param name="Color">Its colour, six hex digits.</param>
public sealed record DemoIssueLabel(string Name, string Color);

/// <summary>The user's System.Text.Json context that <see cref="IDemoIssueClient"/> names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DemoIssue))]
internal sealed partial class DemoIssueJson : JsonSerializerContext;
