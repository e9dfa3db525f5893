using System.Threading;
using System.Threading.Tasks;
using McpClientGen;
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
}
