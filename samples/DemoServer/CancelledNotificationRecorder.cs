using System.Collections.Concurrent;
using System.Text.Json;

namespace McpClientGen.DemoServer;

/// <summary>
/// Keeps the <c>requestId</c> of every <c>notifications/cancelled</c> a client sent, read from the raw JSON before the
/// SDK sees it. This tells a cancellation the client announced apart from one the server inferred from a dropped
/// connection.
/// </summary>
internal sealed class CancelledNotificationRecorder
{
    private readonly ConcurrentQueue<string> _requestIds = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _arrivals = new(StringComparer.Ordinal);

    /// <summary>The cancelled requests' ids, in arrival order; a string id as its text, a number as its digits.</summary>
    public IReadOnlyList<string> RequestIds => [.. _requestIds];

    /// <summary>Completes once a <c>notifications/cancelled</c> for <paramref name="requestId"/> has arrived.</summary>
    public Task WhenReceivedAsync(string requestId) => Arrival(requestId).Task;

    /// <summary>Middleware that records the cancellations among the messages of each request that reaches it.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        foreach (var message in await McpRequestBody.ReadMessagesAsync(context))
        {
            if (McpRequestBody.MethodOf(message) == "notifications/cancelled"
                && McpRequestBody.ParamsOf(message) is { } parameters
                && parameters.TryGetProperty("requestId", out var requestId))
            {
                var id = requestId.ValueKind == JsonValueKind.String ? requestId.GetString()! : requestId.GetRawText();
                _requestIds.Enqueue(id);
                Arrival(id).TrySetResult();
            }
        }

        await next(context);
    }

    private TaskCompletionSource Arrival(string requestId) =>
        _arrivals.GetOrAdd(requestId, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
