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

    /// <summary>
    /// The whole chain with nothing written by hand: <c>mcpgen sample</c> inferred the overlay from two answers of the
    /// server, the generator typed the method by it, and the record reads a third answer.
    /// </summary>
    [Theory]
    [InlineData(3, ISampledIssuesClient.GetIssueDetail.Summary, null)]
    [InlineData(12, ISampledIssuesClient.GetIssueDetail.Full, "Steps to reproduce issue 12.")]
    public async Task The_overlay_mcpgen_sample_inferred_reads_the_servers_text_answer_into_a_record(double number, ISampledIssuesClient.GetIssueDetail detail, string? body)
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = SampledIssuesClient.Create(stack.ClientOptions());

        ISampledIssuesClient.GetIssueResult issue = await ((ISampledIssuesClient)client).GetIssueAsync("octo", "tools", number, detail);

        Assert.Equal((long)number, issue.Number);
        Assert.Equal($"Issue {number} of octo/tools", issue.Title);
        Assert.Equal(number % 2 == 1 ? "open" : "closed", issue.State);
        Assert.Equal("octo", issue.User.Login);
        var label = Assert.Single(issue.Labels);
        Assert.Equal(("bug", "d73a4a"), (label.Name, label.Color));
        Assert.Equal((long)number % 7, issue.Comments);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 30, 0, TimeSpan.Zero).AddDays(number), issue.CreatedAt);
        Assert.Equal(new Uri($"https://github.example/octo/tools/issues/{number}"), issue.HtmlUrl);
        Assert.Equal(body, issue.Body);
    }

    [Fact]
    public void The_overlay_narrows_the_issue_number_to_an_integer()
    {
        var method = typeof(IIssuesClient).GetMethods().Single(m => m.Name == nameof(IIssuesClient.GetIssueAsync) && m.GetParameters().Length > 3 && m.GetParameters().Any(p => p.Name == "progress"));

        Assert.Equal(typeof(long), method.GetParameters().Single(p => p.Name == "issueNumber").ParameterType);
    }

    /// <summary>The test snapshots are the demo snapshot's <c>get_issue</c>, so the overlays type the tool the server has.</summary>
    [Theory]
    [InlineData("issues.mcp.json")]
    [InlineData("sampled.mcp.json")]
    public void The_test_snapshot_holds_get_issue_as_the_demo_snapshot_has_it(string snapshot)
    {
        using var demo = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("schemas", "demo.mcp.json")));
        using var issues = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("tests", "McpClientGen.IntegrationTests", "Schemas", snapshot)));

        var expected = demo.RootElement.GetProperty("tools").EnumerateArray().Single(tool => tool.GetProperty("name").GetString() == "get_issue");
        var actual = Assert.Single(issues.RootElement.GetProperty("tools").EnumerateArray().ToList());
        Assert.True(JsonElement.DeepEquals(expected, actual), $"Schemas/{snapshot} has another get_issue than schemas/demo.mcp.json:\n{actual}");
    }
}
