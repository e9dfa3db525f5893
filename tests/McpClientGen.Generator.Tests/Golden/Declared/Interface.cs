using System;
using System.Threading;
using System.Threading.Tasks;
using McpClientGen;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Contoso.Declared;

[McpClient("declared", Include = new[] { "orders.*", "ping" }, Exclude = new[] { "orders.purge" })]
public partial interface IOrdersClient
{
    /// <summary>Finds an order; only the required property is sent.</summary>
    [McpTool("orders.find")]
    Task<OrdersFindResult> FindOrderAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Cancels an order and ignores the result.</summary>
    [McpTool("orders.cancel")]
    Task CancelAsync(string orderId, string? reason = null);

    /// <summary>The raw result of the same tool.</summary>
    [McpTool("orders.cancel")]
    Task<CallToolResult> CancelRawAsync(string order_id, OrdersCancelPriority priority = OrdersCancelPriority.High, CancellationToken cancellationToken = default);

    /// <summary>The same search, reporting the server's progress; the receiver may be left out.</summary>
    [McpTool("orders.find")]
    Task<OrdersFindResult> FindOrderWithProgressAsync(string orderId, IProgress<ProgressNotificationValue>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Progress without a cancellation token.</summary>
    [McpTool("orders.cancel")]
    Task CancelWithProgressAsync(string orderId, IProgress<ProgressNotificationValue> onProgress);
}
