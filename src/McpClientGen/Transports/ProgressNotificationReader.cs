using System.Text.Json;
using ModelContextProtocol;

namespace McpClientGen;

/// <summary>
/// Reads the <c>params</c> of a <c>notifications/progress</c> as the transports see it (Streamable HTTP's event stream, stdio's
/// message reader) and reports it to <see cref="ProgressListeners"/>. It never throws: it runs inside the read path, where a
/// malformed notification (params that are not an object, a number out of <see cref="float"/> range) must cost only itself.
/// </summary>
internal static class ProgressNotificationReader
{
    public static void Report(JsonElement parameters)
    {
        if (parameters.ValueKind == JsonValueKind.Object
            && parameters.TryGetProperty("progressToken", out var token) && token.ValueKind == JsonValueKind.String
            && parameters.TryGetProperty("progress", out var progress) && progress.ValueKind == JsonValueKind.Number
            && progress.TryGetSingle(out var value) && float.IsFinite(value))
        {
            ProgressListeners.Report(token.GetString()!, new ProgressNotificationValue
            {
                Progress = value,
                Total = parameters.TryGetProperty("total", out var total) && total.ValueKind == JsonValueKind.Number
                    && total.TryGetSingle(out var totalValue) && float.IsFinite(totalValue) ? totalValue : null,
                Message = parameters.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null,
            });
        }
    }
}
