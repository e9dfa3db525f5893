using System.Text.Json;
using System.Text.Json.Nodes;
using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// Progress and cancellation through generated clients against the real, authenticated DemoServer: the server's
/// <c>notifications/progress</c> reach the method's <c>IProgress</c>, and cancelling the token sends
/// <c>notifications/cancelled</c>, which stops the tool on the server.
/// </summary>
public sealed class ProgressAndCancellationEndToEndTests
{
    /// <summary>How long the test waits for the server to see the cancellation; the issue allows one second.</summary>
    private static readonly TimeSpan CancellationBound = TimeSpan.FromSeconds(1);

    /// <summary>A bound on waiting for progress reports, only so that a broken build fails instead of hanging.</summary>
    private static readonly TimeSpan ReportsBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Five_progress_steps_arrive_in_order_before_the_result()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());
        var progress = new RecordingProgress();

        var result = await client.CountStepsAsync(5, progress);

        // Read as soon as the call returns: every report must be in by then, in the order the server sent them.
        var reports = progress.Reports;
        Assert.Equal("Counted 5 steps.", Text(result));
        Assert.Equal([1f, 2f, 3f, 4f, 5f], reports.Select(report => report.Progress));
        Assert.All(reports, report => Assert.Equal(5f, report.Total));
        Assert.Equal(["Step 1 of 5", "Step 2 of 5", "Step 3 of 5", "Step 4 of 5", "Step 5 of 5"], reports.Select(report => report.Message));
        Assert.Empty(stack.CancelledRequestIds);
    }

    [Fact]
    public async Task A_call_without_a_progress_receiver_asks_for_none()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        var result = await client.CountStepsAsync(3);

        Assert.Equal("Counted 3 steps.", Text(result));
        var call = Assert.Single(stack.McpRequests, request => request.JsonRpcMethod == "tools/call");
        Assert.False(call.Params!.Value.TryGetProperty("_meta", out var meta) && meta.TryGetProperty("progressToken", out _), call.Params.Value.GetRawText());
    }

    [Fact]
    public async Task A_call_with_a_progress_receiver_sends_a_progress_token()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        await client.CountStepsAsync(1, new RecordingProgress());

        var call = Assert.Single(stack.McpRequests, request => request.JsonRpcMethod == "tools/call");
        Assert.Equal(JsonValueKind.String, call.Params!.Value.GetProperty("_meta").GetProperty("progressToken").ValueKind);
    }

    [Fact]
    public async Task A_declared_method_reports_progress_too()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoStepsClient.Create(stack.ClientOptions());
        var progress = new RecordingProgress();

        var text = await client.CountAsync(2, progress);

        Assert.Equal("Counted 2 steps.", text);
        Assert.Equal(["Step 1 of 2", "Step 2 of 2"], progress.Reports.Select(report => report.Message));
    }

    [Fact]
    public async Task Cancelling_after_the_first_report_stops_the_tool_on_the_server_and_throws()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());
        var progress = new RecordingProgress();
        using var cancellation = new CancellationTokenSource();
        const string Label = "cancel-after-first-report";

        var call = client.WaitUntilCancelledAsync(Label, progress, cancellation.Token);
        await progress.FirstReport.WaitAsync(ReportsBound);
        await cancellation.CancelAsync();

        // The server's own signals, not a guess at how long they take: its tool saw the cancellation, and the client
        // announced it with notifications/cancelled naming that very call.
        var requestId = await stack.WhenToolCancelledAsync(Label).WaitAsync(CancellationBound);
        await stack.WhenCancelledNotificationAsync(requestId).WaitAsync(CancellationBound);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal([requestId], stack.CancelledRequestIds);
        Assert.Equal("Started", Assert.Single(progress.Reports).Message);
    }

    [Fact]
    public async Task A_client_from_dependency_injection_reports_progress_in_order()
    {
        await using var stack = await DemoStack.StartAsync();
        var services = new ServiceCollection();
        services.AddMcpClient<IDemoClient, DemoClient>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Endpoint"] = stack.McpEndpoint.AbsoluteUri,
            ["ClientId"] = stack.ClientId,
            ["ClientSecret"] = stack.ClientSecret,
            ["TrustDiscoveredAuthorizationServer"] = "true",
        }).Build());
        await using var provider = services.BuildServiceProvider();
        var progress = new RecordingProgress();

        await provider.GetRequiredService<IDemoClient>().CountStepsAsync(3, progress);

        Assert.Equal(["Step 1 of 3", "Step 2 of 3", "Step 3 of 3"], progress.Reports.Select(report => report.Message));
    }

    [Fact]
    public async Task The_callers_meta_is_sent_beside_the_progress_token_and_left_as_it_was()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var connection = McpConnection.Create(stack.ClientOptions());
        var request = new CallToolRequestParams
        {
            Name = "count_steps",
            Arguments = new Dictionary<string, JsonElement> { ["steps"] = JsonSerializer.SerializeToElement(2) },
            Meta = new JsonObject { ["trace"] = "abc" },
        };
        var progress = new RecordingProgress();

        await connection.CallToolAsync(request, progress);
        await connection.CallToolAsync(request, progress);

        Assert.Equal(4, progress.Reports.Count);
        Assert.Equal("""{"trace":"abc"}""", request.Meta!.ToJsonString());
    }

    [Fact]
    public async Task A_call_cancelled_before_it_is_sent_throws_and_announces_nothing()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());
        await client.CountStepsAsync(1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CountStepsAsync(1, cancellationToken: new CancellationToken(canceled: true)));

        // A call made afterwards on the same session has gone out after anything the cancelled one could have sent.
        await client.CountStepsAsync(1);
        Assert.Empty(stack.CancelledRequestIds);
    }

    private static string Text(CallToolResult result) =>
        string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text));
}
