using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace McpClientGen;

/// <summary>
/// The HTTP client for discovery and token requests, with bounded, jittered retries for transient failures
/// (5xx, 408, 429 honouring <c>Retry-After</c>, timeouts, network errors) and a timeout per attempt. Each attempt
/// builds its request afresh, so a client assertion is never sent twice. Redirects are not followed: a token
/// request must not carry credentials anywhere but the token endpoint.
/// </summary>
internal sealed class Backchannel : IDisposable
{
    /// <summary>The longest pause between two attempts, whatever the server's <c>Retry-After</c> says.</summary>
    internal static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <param name="options">The retry and timeout settings.</param>
    /// <param name="handler">The connections, which must not follow redirects.</param>
    /// <param name="timeProvider">The clock of retry delays and timeouts.</param>
    /// <param name="logger">Logging of retries.</param>
    public Backchannel(McpConnectionOptions options, HttpMessageHandler handler, TimeProvider timeProvider, ILogger logger)
    {
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (options.TokenRequestRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.TokenRequestRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = MaxRetryDelay,

                // Retry-After is honoured, but never beyond the cap: every caller shares the one token request, so a
                // gateway asking for a day's pause must not stall them all for a day.
                ShouldRetryAfterHeader = false,
                DelayGenerator = arguments => new ValueTask<TimeSpan?>(RetryAfter(arguments.Outcome, timeProvider)),
                OnRetry = arguments =>
                {
                    AuthLog.RetryingBackchannelRequest(logger, arguments.AttemptNumber + 1, Describe(arguments.Outcome), arguments.RetryDelay);
                    arguments.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        _pipeline = builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.TokenRequestTimeout }).Build();
    }

    /// <summary>Sends the request that <paramref name="createRequest"/> builds, once per attempt.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(
            async (factory, token) =>
            {
                using var request = factory();
                return await _http.SendAsync(request, token).ConfigureAwait(false);
            },
            createRequest,
            cancellationToken).ConfigureAwait(false);

    public void Dispose() => _http.Dispose();

    /// <summary>The server's <c>Retry-After</c>, capped; <see langword="null"/> (the jittered backoff) without one.</summary>
    private static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome, TimeProvider timeProvider)
    {
        var retryAfter = outcome.Result?.Headers.RetryAfter;
        var delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        return delay is { } requested ? TimeSpan.FromTicks(Math.Clamp(requested.Ticks, 0, MaxRetryDelay.Ticks)) : null;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}" : outcome.Exception?.GetType().Name ?? "no response";
}
