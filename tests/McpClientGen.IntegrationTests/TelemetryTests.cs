using System.Diagnostics;
using McpClientGen.DemoServer;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace McpClientGen.IntegrationTests;

/// <summary>The tests that count the process-wide <c>McpClientGen</c> meter run alone, so no other test adds to it.</summary>
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>The spans and counters of one flow: calls, a token request, a revoked token and its replacement.</summary>
[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests
{
    [Fact]
    public async Task One_flow_produces_its_spans_and_counters()
    {
        await using var stack = await DemoStack.StartAsync();
        using var tokenRequests = Collect("mcpclientgen.token.requests");
        using var cacheHits = Collect("mcpclientgen.token.cache_hits");
        using var retries = Collect("mcpclientgen.auth.unauthorized_retries");
        var spans = new List<Activity>();
        using var listener = Listen(spans);

        await using (var client = DemoClient.Create(stack.ClientOptions()))
        {
            await client.GetWeatherAsync("Oslo");
            await client.GetWeatherAsync("Oslo");
            stack.RevokeIssuedTokens();
            await client.GetWeatherAsync("Oslo");
            await Assert.ThrowsAsync<McpToolException>(() => client.DivideAsync(1, 0));
        }

        Assert.Equal(2, tokenRequests.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.All(tokenRequests.GetMeasurementSnapshot(), measurement => Assert.Equal("success", measurement.Tags["outcome"]));
        Assert.Equal(1, retries.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.True(cacheHits.GetMeasurementSnapshot().EvaluateAsCounter() >= 3, "every call after the first is served a cached token");

        var toolCalls = spans.Where(span => span.OperationName.StartsWith("mcp.tool.call", StringComparison.Ordinal)).ToList();
        Assert.Equal(["ok", "ok", "ok", "tool_error"], toolCalls.Select(span => (string?)span.GetTagItem("mcp.tool.outcome")));
        Assert.Equal(["get_weather", "get_weather", "get_weather", "divide"], toolCalls.Select(span => (string?)span.GetTagItem("mcp.tool.name")));
        var tokenSpans = spans.Where(span => span.OperationName == "oauth.token.request").ToList();
        Assert.Equal(2, tokenSpans.Count);
        Assert.All(tokenSpans, span => Assert.Equal("client_secret_basic", span.GetTagItem("oauth.client_authentication")));
    }

    [Fact]
    public async Task A_prompt_get_has_its_span_with_the_prompts_name_and_outcome()
    {
        await using var stack = await DemoStack.StartAsync();
        var spans = new List<Activity>();
        using var listener = Listen(spans);

        await using (var client = DemoClient.Create(stack.ClientOptions()))
        {
            await client.GetSummarizeTicketPromptAsync("T-1");
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetSummarizeTicketPromptAsync("T-2", cancellationToken: new CancellationToken(canceled: true)));
        }

        var promptSpans = spans.Where(span => span.OperationName.StartsWith("mcp.prompt.get", StringComparison.Ordinal)).ToList();
        Assert.Equal(["mcp.prompt.get summarize_ticket", "mcp.prompt.get summarize_ticket"], promptSpans.Select(span => span.OperationName));
        Assert.All(promptSpans, span => Assert.Equal(ActivityKind.Client, span.Kind));
        Assert.All(promptSpans, span => Assert.Equal("summarize_ticket", span.GetTagItem("mcp.prompt.name")));
        Assert.Equal(["ok", "failed"], promptSpans.Select(span => (string?)span.GetTagItem("mcp.prompt.outcome")));
        Assert.Equal([ActivityStatusCode.Unset, ActivityStatusCode.Error], promptSpans.Select(span => span.Status));
    }

    [Fact]
    public async Task A_resource_read_has_its_span_named_by_the_template_never_by_the_values()
    {
        await using var stack = await DemoStack.StartAsync();
        var spans = new List<Activity>();
        using var listener = Listen(spans);

        await using (var client = DemoClient.Create(stack.ClientOptions()))
        {
            await client.ReadReadmeResourceAsync();
            await client.ReadNoteResourceAsync("Jane Doe");
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ReadNoteResourceAsync("Jane Doe", new CancellationToken(canceled: true)));
        }

        var reads = spans.Where(span => span.OperationName.StartsWith("mcp.resource.read", StringComparison.Ordinal)).ToList();
        Assert.Equal(["mcp.resource.read demo://readme", "mcp.resource.read demo://notes/{name}", "mcp.resource.read demo://notes/{name}"], reads.Select(span => span.OperationName));
        Assert.Equal(["demo://readme", "demo://notes/{name}", "demo://notes/{name}"], reads.Select(span => (string?)span.GetTagItem("mcp.resource.uri")));
        Assert.All(reads, span => Assert.Equal(ActivityKind.Client, span.Kind));
        Assert.Equal(["ok", "ok", "failed"], reads.Select(span => (string?)span.GetTagItem("mcp.resource.outcome")));
        Assert.Equal([ActivityStatusCode.Unset, ActivityStatusCode.Unset, ActivityStatusCode.Error], reads.Select(span => span.Status));
        Assert.DoesNotContain(reads.SelectMany(span => span.TagObjects), tag => tag.Value?.ToString()?.Contains("Jane", StringComparison.Ordinal) == true);
    }

    private static ActivityListener Listen(List<Activity> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == McpClientGenTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) { spans.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static MetricCollector<long> Collect(string instrument) => new(null, McpClientGenTelemetry.Name, instrument);
}
