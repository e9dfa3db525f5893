using System.Text;
using System.Text.Json;

namespace McpClientGen.IntegrationTests.Support;

/// <summary>
/// A <c>tools/call</c> (or any request) as one plain HTTP POST, which the demo's stateless MCP server answers without a
/// session handshake; and the answer. For tests that need every request to reach the auth handler on its own.
/// </summary>
internal static class McpToolCallRequest
{
    public static HttpRequestMessage Create(Uri endpoint, string tool, string argumentsJson) =>
        CreateRequest(endpoint, "tools/call", $$"""{"name":"{{tool}}","arguments":{{argumentsJson}}}""");

    /// <summary>A JSON-RPC request of any <paramref name="method"/>, as one POST of protocol 2025-11-25.</summary>
    public static HttpRequestMessage CreateRequest(Uri endpoint, string method, string paramsJson)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(
                $$"""{"jsonrpc":"2.0","id":1,"method":"{{method}}","params":{{paramsJson}}}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        return request;
    }

    /// <summary>The first text block of a successful call's result; the server answers as JSON or as one SSE event.</summary>
    public static async Task<string> ReadTextAsync(HttpResponseMessage response) =>
        (await ReadResultAsync(response)).GetProperty("content")[0].GetProperty("text").GetString()!;

    /// <summary>The <c>result</c> of a successful request, exactly as the server wrote it.</summary>
    public static async Task<JsonElement> ReadResultAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {body}");
        var json = response.Content.Headers.ContentType?.MediaType == "text/event-stream"
            ? body.Split('\n').Last(line => line.StartsWith("data:", StringComparison.Ordinal))["data:".Length..]
            : body;
        using var message = JsonDocument.Parse(json);
        return message.RootElement.GetProperty("result").Clone();
    }
}
