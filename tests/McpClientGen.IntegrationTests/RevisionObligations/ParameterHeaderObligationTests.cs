using System.Text;
using System.Text.Json;
using McpClientGen.DemoServer;
using ModelContextProtocol.Protocol;

namespace McpClientGen.IntegrationTests.RevisionObligations;

/// <summary>
/// SEP-2243's parameter headers, through a generated client, as the demo MCP server received them. Every argument of
/// <c>dispatch_parcel</c> is declared with <c>x-mcp-header</c>; the generated client registers the snapshot's schema
/// with the connection, so the values go out as <c>Mcp-Param-*</c> headers without a <c>tools/list</c>: plain when
/// the value is visible ASCII, <c>=?base64?…?=</c> (UTF-8) when it has other characters, surrounding spaces or looks
/// like that wrapper itself, integers and booleans as their JSON text, and no header at all for null. The server checks
/// each header against the body, so a call that completes was also accepted.
/// </summary>
public sealed class ParameterHeaderObligationTests
{
    [Theory]
    [InlineData("Ada Lovelace", false)]
    [InlineData("Zoë Ødegård", true)]
    [InlineData("  padded  ", true)]
    [InlineData("tab\there", true)]
    [InlineData("line\r\nbreak", true)]
    [InlineData("=?base64?SGk=?=", true)]
    public async Task A_string_argument_is_sent_plain_when_safe_and_in_base64_otherwise(string recipient, bool base64)
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        var result = await client.DispatchParcelAsync("apac", recipient, 2, fragile: false, note: "ring twice");

        var call = DispatchCall(stack);
        var expected = base64 ? $"=?base64?{Convert.ToBase64String(Encoding.UTF8.GetBytes(recipient))}?=" : recipient;
        Assert.Equal(expected, call.Header("Mcp-Param-Recipient"));
        Assert.Equal("apac", call.Header("Mcp-Param-Region"));
        Assert.Equal("ring twice", call.Header("Mcp-Param-Note"));
        Assert.Contains($"for '{recipient}'", Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Integers_and_booleans_are_sent_as_their_JSON_text()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        await client.DispatchParcelAsync("us", "Grace Hopper", 5, fragile: true, note: "top shelf");
        await client.DispatchParcelAsync("us", "Grace Hopper", 1, fragile: false, note: "top shelf");

        var calls = stack.McpRequests.Where(request => request.Header("Mcp-Name") == "dispatch_parcel").ToList();
        Assert.Equal(["5", "1"], calls.Select(call => call.Header("Mcp-Param-Priority")));
        Assert.Equal(["true", "false"], calls.Select(call => call.Header("Mcp-Param-Fragile")));
    }

    [Fact]
    public async Task A_null_argument_gets_no_header()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        var result = await client.DispatchParcelAsync("eu", "Ada Lovelace", 3, fragile: true, note: null);

        var call = DispatchCall(stack);
        Assert.Equal(JsonValueKind.Null, call.Params!.Value.GetProperty("arguments").GetProperty("note").ValueKind);
        Assert.Null(call.Header("Mcp-Param-Note"));
        Assert.Equal(["Mcp-Param-Fragile", "Mcp-Param-Priority", "Mcp-Param-Recipient", "Mcp-Param-Region"], ParameterHeaderNames(call));
        Assert.Equal("Courier booked in eu for 'Ada Lovelace' (priority 3, fragile).", Text(result));
    }

    private static DemoMcpRequest DispatchCall(DemoStack stack) =>
        Assert.Single(stack.McpRequests, request => request.JsonRpcMethod == "tools/call");

    private static List<string> ParameterHeaderNames(DemoMcpRequest request) =>
        [.. request.Headers.Keys.Where(name => name.StartsWith("Mcp-Param-", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.OrdinalIgnoreCase)];

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}
