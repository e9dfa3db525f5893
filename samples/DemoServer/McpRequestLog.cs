using System.Collections.Concurrent;

namespace McpClientGen.DemoServer;

/// <summary>
/// Keeps every request to the MCP endpoint in arrival order (<see cref="DemoMcpRequest"/>). It runs ahead of
/// authentication, so requests the server refuses are kept too: a test can see which token a client presented where.
/// </summary>
internal sealed class McpRequestLog
{
    private readonly ConcurrentQueue<DemoMcpRequest> _requests = new();

    /// <summary>The requests so far, oldest first.</summary>
    public IReadOnlyList<DemoMcpRequest> Requests => [.. _requests];

    /// <summary>Middleware that records each request to the MCP endpoint that reaches it.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments(McpServerHost.EndpointPath))
        {
            var headers = context.Request.Headers.ToDictionary(
                header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var messages = await McpRequestBody.ReadMessagesAsync(context);
            _requests.Enqueue(new DemoMcpRequest(context.Request.Method, headers, messages));
        }

        await next(context);
    }
}
