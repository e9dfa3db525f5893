using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Globalization;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpClientGen.DemoServer;

/// <summary>
/// Tools for progress and cancellation: <c>count_steps</c> reports each step as <c>notifications/progress</c>, and
/// <c>wait_until_cancelled</c> reports one step and then runs until the client cancels it, recording that it stopped
/// (see <see cref="ToolCancellations"/>). Both report only when the call asked for progress with a token.
/// </summary>
/// <param name="cancellations">Where <c>wait_until_cancelled</c> records its cancellation.</param>
[McpServerToolType]
internal sealed class ProgressTools(ToolCancellations cancellations)
{
    [McpServerTool(Name = "count_steps", Title = "Count steps", ReadOnly = true, Idempotent = true)]
    [Description("Counts the given number of steps, reporting progress after each, and says how many it counted.")]
    public static async Task<string> CountSteps(
        RequestContext<CallToolRequestParams> context,
        [Description("How many steps to count, 1 to 10.")][Range(1, 10)] int steps,
        CancellationToken cancellationToken)
    {
        if (steps is < 1 or > 10)
        {
            throw new McpException("The steps must be between 1 and 10.");
        }

        for (var step = 1; step <= steps; step++)
        {
            // Awaited one by one, so the notifications leave in order.
            await ReportAsync(context, step, steps, string.Create(CultureInfo.InvariantCulture, $"Step {step} of {steps}"), cancellationToken);
        }

        return string.Create(CultureInfo.InvariantCulture, $"Counted {steps} steps.");
    }

    [McpServerTool(Name = "wait_until_cancelled", Title = "Wait until cancelled", ReadOnly = true, Idempotent = true)]
    [Description("Reports that it started, then waits until the call is cancelled. It never returns a result.")]
    public async Task<string> WaitUntilCancelled(
        RequestContext<CallToolRequestParams> context,
        [Description("A name under which the server records the cancellation.")] string label,
        CancellationToken cancellationToken)
    {
        await ReportAsync(context, 1, null, "Started", cancellationToken);
        try
        {
            var waiting = Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            cancellations.RecordWaiting(label);
            await waiting;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancellations.Record(label, context.JsonRpcRequest.Id.ToString());
            throw;
        }

        throw new UnreachableException("An infinite delay ended without being cancelled.");
    }

    private static async Task ReportAsync(
        RequestContext<CallToolRequestParams> context, int progress, int? total, string message, CancellationToken cancellationToken)
    {
        if (context.Params?.ProgressToken is { } token)
        {
            await context.Server.NotifyProgressAsync(
                token, new ProgressNotificationValue { Progress = progress, Total = total, Message = message }, cancellationToken: cancellationToken);
        }
    }
}
