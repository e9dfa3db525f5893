using System.Text.Json;
using McpClientGen.DemoServer;
using ModelContextProtocol.Protocol;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// The demo's strict <c>get_issue</c> tool (it rejects a fractional issue number and a missing <c>detail</c>) called
/// through a declared <c>int</c> parameter and through the generated method without <c>detail</c>.
/// </summary>
public sealed class NumbersAndDefaultsEndToEndTests
{
    [Fact]
    public async Task A_declared_int_for_a_json_number_reaches_the_server_as_a_whole_number()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoIssueNumbersClient.Create(stack.ClientOptions());

        using var issue = Json(await client.IssueAsync("octo", "demo", 42));

        // The server parses the number as a whole number of at least 1 and echoes it; it also got detail=summary.
        Assert.Equal(42, issue.RootElement.GetProperty("number").GetInt64());
        Assert.Equal(JsonValueKind.Null, issue.RootElement.GetProperty("body").ValueKind);
    }

    [Fact]
    public async Task The_generated_method_may_leave_out_a_required_property_with_a_default_and_the_default_is_sent()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        using var summary = Json(await client.GetIssueAsync("octo", "demo", 7));
        using var full = Json(await client.GetIssueAsync("octo", "demo", 7, IDemoClient.GetIssueDetail.Full));

        // The server insists on 'detail' and knows only summary and full; only full has a body.
        Assert.Equal(JsonValueKind.Null, summary.RootElement.GetProperty("body").ValueKind);
        Assert.Equal("Steps to reproduce issue 7.", full.RootElement.GetProperty("body").GetString());
    }

    private static JsonDocument Json(CallToolResult result) =>
        JsonDocument.Parse(Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
}
