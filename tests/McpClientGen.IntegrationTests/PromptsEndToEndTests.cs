using McpClientGen.DemoServer;
using McpClientGen.Testing;
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

    [Fact]
    public async Task A_prompt_call_cancelled_before_it_is_sent_throws_and_gets_nothing()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetSummarizeTicketPromptAsync("T-1", cancellationToken: new CancellationToken(canceled: true)));

        Assert.DoesNotContain(stack.McpRequests.SelectMany(request => request.Messages), IsPromptsGet);
    }

    [Fact]
    public async Task Listing_the_prompts_of_a_server_without_the_capability_gives_none_and_asks_nothing()
    {
        // The loopback server offers tools only, so it declares no prompts capability and would refuse prompts/list.
        await using var server = await LoopbackMcpServer.StartAsync<PingTools>();
        await using var connection = McpConnection.CreateUnauthenticated(server.Endpoint);

        var prompts = await connection.ListPromptsAsync();

        Assert.Empty(prompts);
        Assert.NotEmpty(server.Methods);
        Assert.DoesNotContain("prompts/list", server.Methods);
    }

    private static bool IsPromptsGet(System.Text.Json.JsonElement message) =>
        message.TryGetProperty("method", out var method) && method.GetString() == "prompts/get";
}
