using McpClientGen.DemoServer;

namespace McpClientGen.IntegrationTests.RevisionObligations;

/// <summary>
/// SEP-2243's standard headers, through a generated client, as the demo MCP server received them: every POST names its
/// JSON-RPC method in <c>Mcp-Method</c> (exactly, case included), and every <c>tools/call</c> names its tool in
/// <c>Mcp-Name</c>. The SDK under the runtime sends them on the pinned 2025-11-25 session too.
/// </summary>
public sealed class StandardHeaderObligationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("2025-11-25")]
    public async Task Every_post_names_its_method_and_every_tool_call_its_tool(string? pinnedRevision)
    {
        await using var stack = await DemoStack.StartAsync();
        var options = stack.ClientOptions();
        options.ProtocolVersion = pinnedRevision;
        await using var client = DemoClient.Create(options);

        await client.GetWeatherAsync("Oslo");
        await client.DivideAsync(1, 4);

        var posts = stack.McpRequests.Where(request => request.HttpMethod == "POST").ToList();
        Assert.All(posts, request => Assert.Equal(request.JsonRpcMethod, request.Header("Mcp-Method")));
        var calls = posts.Where(request => request.JsonRpcMethod == "tools/call").ToList();
        Assert.Equal(["get_weather", "divide"], calls.Select(call => call.Params!.Value.GetProperty("name").GetString()));
        Assert.All(calls, call => Assert.Equal(call.Params!.Value.GetProperty("name").GetString(), call.Header("Mcp-Name")));
        Assert.All(posts.Where(request => request.JsonRpcMethod != "tools/call"), request => Assert.Null(request.Header("Mcp-Name")));
    }
}
