using McpClientGen.DemoServer;
using ModelContextProtocol.Protocol;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// The typed prompt methods the generator makes from the demo snapshot's <c>prompts</c>, against the real stack: the
/// request is authenticated like the tool calls, and the server fills the prompt in from exactly the arguments sent.
/// </summary>
public sealed class PromptsEndToEndTests
{
    [Fact]
    public async Task A_typed_prompt_call_sends_its_arguments_and_returns_the_filled_in_prompt()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        var result = await client.GetSummarizeTicketPromptAsync("T-1001", audience: "managers");

        var message = Assert.Single(result.Messages);
        Assert.Equal(Role.User, message.Role);
        Assert.Equal("Summarize ticket T-1001 for managers.", Assert.IsType<TextContentBlock>(message.Content).Text);
        Assert.Equal(1, stack.TokenRequestCount);
        Assert.Equal(0, stack.Mcp401Count);
    }

    [Fact]
    public async Task An_optional_argument_left_null_is_not_sent_so_the_prompt_applies_its_default()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        var result = await client.GetSummarizeTicketPromptAsync("T-7");

        Assert.Equal("Summarize ticket T-7 for engineers.", Assert.IsType<TextContentBlock>(Assert.Single(result.Messages).Content).Text);
        var sent = stack.McpRequests.SelectMany(request => request.Messages)
            .Single(message => message.TryGetProperty("method", out var method) && method.GetString() == "prompts/get");
        Assert.Equal("""{"ticket":"T-7"}""", sent.GetProperty("params").GetProperty("arguments").GetRawText());
    }

    [Fact]
    public async Task A_required_argument_is_checked_before_anything_is_sent()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        var exception = await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetSummarizeTicketPromptAsync(null!));

        Assert.Equal("ticket", exception.ParamName);
        Assert.Equal(0, stack.TokenRequestCount);
    }
}
