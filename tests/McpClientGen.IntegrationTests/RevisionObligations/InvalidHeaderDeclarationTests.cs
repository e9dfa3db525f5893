using McpClientGen.DemoServer;
using McpClientGen.Snapshots;
using McpClientGen.Testing;

namespace McpClientGen.IntegrationTests.RevisionObligations;

/// <summary>
/// SEP-2243: a tool whose <c>x-mcp-header</c> declaration is invalid must never be called. The demo server lists one,
/// <c>archive_ticket</c> (a header name with a space); the MCP SDK under the runtime drops it from <c>tools/list</c>, so
/// <c>mcpgen snapshot</c> never records it and no generated client has a method that could call it.
/// </summary>
public sealed class InvalidHeaderDeclarationTests
{
    private const string InvalidTool = "archive_ticket";

    [Fact]
    public async Task A_tool_with_an_invalid_header_declaration_is_left_out_of_snapshots_so_generated_clients_cannot_call_it()
    {
        await using var stack = await DemoStack.StartAsync();
        var served = await ServerListing.ToolsAsync(stack);
        Assert.Equal("Ticket Id", served[InvalidTool].GetProperty("inputSchema").GetProperty("properties").GetProperty("ticket").GetProperty("x-mcp-header").GetString());

        await using var connection = McpConnection.Create(stack.ClientOptions());
        var captured = await ToolSnapshot.CaptureAsync(connection);

        Assert.DoesNotContain(captured.Tools, tool => tool.Name == InvalidTool);
        Assert.Equal(served.Count - 1, captured.Tools.Count);
        Assert.DoesNotContain(InvalidTool, await File.ReadAllTextAsync(RepositoryPaths.Combine("schemas", "demo.mcp.json")), StringComparison.Ordinal);
        Assert.DoesNotContain(typeof(IDemoClient).GetMethods(), method => method.Name.StartsWith("ArchiveTicket", StringComparison.Ordinal));
        Assert.DoesNotContain(stack.McpRequests, request => request.Header("Mcp-Name") == InvalidTool);
    }
}
