using System.Text.Json;
using McpClientGen.DemoServer;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// <see cref="IDemoIssueClient"/> against the real stack: the demo's <c>get_issue</c> publishes no output schema and
/// answers with JSON text only, and the declared result types read it.
/// </summary>
public sealed class DeclaredResultsEndToEndTests
{
    [Fact]
    public async Task A_declared_type_is_read_from_the_text_of_a_tool_without_an_output_schema()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoIssueClient.Create(stack.ClientOptions());
        IDemoIssueClient typed = client;

        var summary = await typed.GetIssueAsync("contoso", "widgets", 9, IDemoIssueClient.GetIssueDetail.Summary);
        var full = await typed.GetIssueAsync("contoso", "widgets", 12, IDemoIssueClient.GetIssueDetail.Full);

        Assert.Equal(9, summary.Number);
        Assert.Equal("Issue 9 of contoso/widgets", summary.Title);
        Assert.Equal("open", summary.State);
        Assert.Equal("contoso", summary.User.Login);
        Assert.Equal([new DemoIssueLabel("bug", "d73a4a")], summary.Labels);
        Assert.Equal(2, summary.Comments);
        Assert.Equal(new DateTimeOffset(2026, 1, 14, 9, 30, 0, TimeSpan.Zero), summary.CreatedAt);
        Assert.Equal(new Uri("https://github.example/contoso/widgets/issues/9"), summary.HtmlUrl);
        Assert.Null(summary.Body);
        Assert.Equal("closed", full.State);
        Assert.Equal("Steps to reproduce issue 12.", full.Body);
    }

    [Fact]
    public async Task JsonElement_and_string_results_need_no_context()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoIssueClient.Create(stack.ClientOptions());

        var json = await client.GetIssueJsonAsync("contoso", "widgets", 3, IDemoIssueClient.GetIssueDetail.Full);
        var text = await client.GetIssueTextAsync("contoso", "widgets", 3, IDemoIssueClient.GetIssueDetail.Summary);

        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        Assert.Equal("contoso", json.GetProperty("user").GetProperty("login").GetString());
        Assert.Equal("Steps to reproduce issue 3.", json.GetProperty("body").GetString());
        using var parsed = JsonDocument.Parse(text);
        Assert.Equal(3, parsed.RootElement.GetProperty("number").GetInt32());
        Assert.Contains('\n', text); // the server's indented text, as it was sent
    }

    [Fact]
    public async Task A_tool_error_still_throws_McpToolException_for_a_declared_type()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoIssueClient.Create(stack.ClientOptions());

        var exception = await Assert.ThrowsAsync<McpToolException>(
            () => client.GetIssueAsync("contoso", "widgets", 2.5, IDemoIssueClient.GetIssueDetail.Summary));

        Assert.Equal("get_issue", exception.ToolName);
        Assert.Contains("issue_number", exception.ErrorText, StringComparison.Ordinal);
    }
}
