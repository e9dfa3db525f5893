using System.Text.Json;
using McpClientGen.DemoServer;
using McpClientGen.Testing;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// <see cref="IIssuesClient"/>: a tool that publishes no output schema and answers in JSON text, typed by an overlay,
/// called against the real demo server.
/// </summary>
public sealed class OverlayEndToEndTests
{
    [Theory]
    [InlineData(7, IIssuesClient.GetIssueDetail.Summary, null)]
    [InlineData(42, IIssuesClient.GetIssueDetail.Full, "Steps to reproduce issue 42.")]
    public async Task The_overlay_output_schema_reads_the_servers_text_answer_into_a_record(long number, IIssuesClient.GetIssueDetail detail, string? body)
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = IssuesClient.Create(stack.ClientOptions());

        IIssuesClient.GetIssueResult issue = await ((IIssuesClient)client).GetIssueAsync("octo", "tools", number, detail);

        Assert.Equal(number, issue.Number);
        Assert.Equal($"Issue {number} of octo/tools", issue.Title);
        Assert.Equal(number % 2 == 1 ? IIssuesClient.GetIssueResultState.Open : IIssuesClient.GetIssueResultState.Closed, issue.State);
        Assert.Equal("octo", issue.User.Login);
        var label = Assert.Single(issue.Labels);
        Assert.Equal(("bug", "d73a4a"), (label.Name, label.Color));
        Assert.Equal(number % 7, issue.Comments);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 30, 0, TimeSpan.Zero).AddDays(number), issue.CreatedAt);
        Assert.Equal(new Uri($"https://github.example/octo/tools/issues/{number}"), issue.HtmlUrl);
        Assert.Equal(body, issue.Body);
    }

    [Fact]
    public void The_overlay_narrows_the_issue_number_to_an_integer()
    {
        var method = typeof(IIssuesClient).GetMethods().Single(m => m.Name == nameof(IIssuesClient.GetIssueAsync) && m.GetParameters().Length > 2);

        Assert.Equal(typeof(long), method.GetParameters().Single(p => p.Name == "issueNumber").ParameterType);
    }

    /// <summary>The test snapshot is the demo snapshot's <c>get_issue</c>, so the overlay types the tool the server has.</summary>
    [Fact]
    public void The_test_snapshot_holds_get_issue_as_the_demo_snapshot_has_it()
    {
        using var demo = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("schemas", "demo.mcp.json")));
        using var issues = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("tests", "McpClientGen.IntegrationTests", "Schemas", "issues.mcp.json")));

        var expected = demo.RootElement.GetProperty("tools").EnumerateArray().Single(tool => tool.GetProperty("name").GetString() == "get_issue");
        var actual = Assert.Single(issues.RootElement.GetProperty("tools").EnumerateArray().ToList());
        Assert.True(JsonElement.DeepEquals(expected, actual), $"Schemas/issues.mcp.json has another get_issue than schemas/demo.mcp.json:\n{actual}");
    }
}
