using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace McpClientGen;

/// <summary>
/// The <see cref="ActivitySource"/> and <see cref="Meter"/> named <c>McpClientGen</c>: a span per tool call, prompt get and
/// token request, and counters for token requests, cache hits, background refreshes, 401 retries, 403 step-ups and the shared token store.
/// Subscribe with OpenTelemetry's <c>AddSource("McpClientGen")</c> and <c>AddMeter("McpClientGen")</c>.
/// </summary>
public static class McpClientGenTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "McpClientGen";

    internal static readonly ActivitySource Source = new(Name, ThisVersion);

    private static readonly Meter Meter = new(Name, ThisVersion);

    internal static readonly Counter<long> TokenRequests = Meter.CreateCounter<long>("mcpclientgen.token.requests", description: "Token requests sent to authorization servers, by outcome.");

    internal static readonly Counter<long> TokenCacheHits = Meter.CreateCounter<long>("mcpclientgen.token.cache_hits", description: "MCP requests served a cached token.");

    internal static readonly Counter<long> TokenRefreshes = Meter.CreateCounter<long>("mcpclientgen.token.refreshes", description: "Tokens replaced in the background before they expired.");

    internal static readonly Counter<long> UnauthorizedRetries = Meter.CreateCounter<long>("mcpclientgen.auth.unauthorized_retries", description: "Requests resent with a new token after a 401.");

    internal static readonly Counter<long> ScopeStepUps = Meter.CreateCounter<long>("mcpclientgen.auth.step_ups", description: "Tokens requested with more scopes after a 403 insufficient_scope.");

    internal static readonly Counter<long> SharedTokenHits = Meter.CreateCounter<long>("mcpclientgen.shared_token.hits", description: "Tokens taken from the shared token store instead of requested.");

    internal static readonly Counter<long> SharedLeaseWaits = Meter.CreateCounter<long>("mcpclientgen.shared_token.lease_waits", description: "Waits for the token of another process holding the shared lease (one per wait, a wait lasting at most the lease time).");

    internal static readonly Counter<long> SharedLeaseTimeouts = Meter.CreateCounter<long>("mcpclientgen.shared_token.lease_timeouts", description: "Acquisitions that waited for lease holders as long as a token request may take and then requested their own token.");

    internal static readonly Counter<long> SharedStoreFailures = Meter.CreateCounter<long>("mcpclientgen.shared_token.store_failures", description: "Shared token store calls that failed or timed out, by operation.");

    /// <summary>
    /// Starts the client span of one MCP request (<c>mcp.tool.call get_weather</c>), tagged with the name it is about;
    /// the span's name is only built when someone listens, so an untraced request allocates nothing for it.
    /// </summary>
    internal static Activity? StartRequestSpan(string operation, string nameTag, string name)
    {
        var activity = Source.HasListeners() ? Source.StartActivity(operation + " " + name, ActivityKind.Client) : null;
        activity?.SetTag(nameTag, name);
        return activity;
    }

    /// <summary>Marks a request's span failed: its outcome tag <c>failed</c> and an error status naming the exception's type.</summary>
    internal static void MarkFailed(Activity activity, string outcomeTag, Exception exception)
    {
        activity.SetTag(outcomeTag, "failed");
        activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
    }

    private static string ThisVersion => typeof(McpClientGenTelemetry).Assembly.GetName().Version?.ToString() ?? "0.0.0";
}
