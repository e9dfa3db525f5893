using System.Text.Json;
using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests.Support;

namespace McpClientGen.IntegrationTests.RevisionObligations;

/// <summary>
/// The demo server's <c>tools/list</c> exactly as it writes it, fetched with one plain POST (authenticated by the runtime's
/// engine) rather than through the MCP SDK, which drops tools it judges invalid and parses what it keeps.
/// </summary>
internal static class ServerListing
{
    /// <summary>The server's tools by name, each as the server sent it.</summary>
    public static async Task<IReadOnlyDictionary<string, JsonElement>> ToolsAsync(DemoStack stack)
    {
        using var http = new HttpClient(McpClientCredentials.CreateHandler(stack.ClientOptions(), TimeProvider.System));
        using var request = McpToolCallRequest.CreateRequest(stack.McpEndpoint, "tools/list", "{}");
        using var response = await http.SendAsync(request);
        var result = await McpToolCallRequest.ReadResultAsync(response);
        return result.GetProperty("tools").EnumerateArray().ToDictionary(tool => tool.GetProperty("name").GetString()!, StringComparer.Ordinal);
    }
}
