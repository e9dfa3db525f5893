using System.Text;
using System.Text.Json;

namespace McpClientGen.IntegrationTests.Support;

/// <summary>
/// A <c>tools/call</c> as one plain HTTP POST, which the demo's stateless MCP server answers without a session
/// handshake; and the text of the answer. For tests that need every request to reach the auth handler on its own.
/// </summary>
internal static class McpToolCallRequest
{
    public static HttpRequestMessage Create(Uri endpoint, string tool, string argumentsJson)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(
                $$$"""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"{{{tool}}}","arguments":{{{argumentsJson}}}}}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        return request;
    }

    /// <summary>The first text block of a successful call's result; the server answers as JSON or as one SSE event.</summary>
    public static async Task<string> ReadTextAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {body}");
        var json = response.Content.Headers.ContentType?.MediaType == "text/event-stream"
            ? body.Split('\n').Last(line => line.StartsWith("data:", StringComparison.Ordinal))["data:".Length..]
            : body;
        using var message = JsonDocument.Parse(json);
        return message.RootElement.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString()!;
    }
}
