using System.Text.Json;

namespace McpClientGen.DemoServer;

/// <summary>
/// Reads the JSON-RPC body of a POST to the MCP endpoint for the middleware in front of the SDK, once per request, and
/// leaves the body readable from the start for the SDK's own handler.
/// </summary>
internal static class McpRequestBody
{
    private static readonly object ItemKey = new();

    /// <summary>
    /// The JSON-RPC messages of the request: one, or each element of a batch. Empty for anything but a POST to the
    /// MCP endpoint with a JSON body; a body that is not JSON is left for the SDK to reject.
    /// </summary>
    public static async Task<IReadOnlyList<JsonElement>> ReadMessagesAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var cached))
        {
            return (IReadOnlyList<JsonElement>)cached!;
        }

        IReadOnlyList<JsonElement> messages = [];
        if (HttpMethods.IsPost(context.Request.Method)
            && context.Request.Path.Equals(McpServerHost.EndpointPath, StringComparison.Ordinal)
            && context.Request.HasJsonContentType())
        {
            // Buffering swaps in a seekable body, so the SDK reads the same bytes after this.
            context.Request.EnableBuffering();
            try
            {
                using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                var root = document.RootElement.Clone();
                messages = root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : [root];
            }
            catch (JsonException)
            {
                // Not ours to answer: the SDK replies with a JSON-RPC parse error.
            }
            finally
            {
                context.Request.Body.Position = 0;
            }
        }

        context.Items[ItemKey] = messages;
        return messages;
    }

    /// <summary>The <c>method</c> of a JSON-RPC request, or <see langword="null"/>.</summary>
    public static string? MethodOf(JsonElement message) =>
        message.ValueKind == JsonValueKind.Object
        && message.TryGetProperty("method", out var method)
        && method.ValueKind == JsonValueKind.String
            ? method.GetString()
            : null;

    /// <summary>The <c>params</c> object of a JSON-RPC request, or <see langword="null"/>.</summary>
    public static JsonElement? ParamsOf(JsonElement message) =>
        message.ValueKind == JsonValueKind.Object
        && message.TryGetProperty("params", out var parameters)
        && parameters.ValueKind == JsonValueKind.Object
            ? parameters
            : null;
}
