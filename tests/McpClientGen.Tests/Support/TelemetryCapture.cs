using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace McpClientGen.Tests.Support;

/// <summary>
/// The <c>McpClientGen</c> spans and counter increments of one test, while other tests run in parallel: the capture
/// starts a root activity of its own, and keeps only the spans of its trace and the increments made while its trace is
/// the current one (a counter's listener runs on the thread that adds to it, inside the flow that did).
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly Activity _root;
    private readonly ActivityListener _spans;
    private readonly MeterListener _counters;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, IReadOnlyDictionary<string, object?> Tags)> _increments = new();

    public TelemetryCapture()
    {
        _root = new Activity(nameof(TelemetryCapture)).SetIdFormat(ActivityIdFormat.W3C).Start();
        var trace = _root.TraceId;
        _spans = new ActivityListener
        {
            ShouldListenTo = static source => source.Name == McpClientGenTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Parent.TraceId == trace ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == trace)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_spans);

        _counters = new MeterListener
        {
            InstrumentPublished = static (instrument, listener) =>
            {
                if (instrument.Meter.Name == McpClientGenTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _counters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (Activity.Current?.TraceId == trace)
            {
                _increments.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value)));
            }
        });
        _counters.Start();
    }

    /// <summary>The spans of this test's trace that have ended, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans => [.. _stopped];

    /// <summary>The shared-store spans that have ended, as <c>operation=outcome</c> (<c>get=miss</c>), in the order they ended.</summary>
    public IReadOnlyList<string> StoreCalls =>
        [.. Spans.Where(span => span.OperationName.StartsWith("mcpclientgen.shared_token.", StringComparison.Ordinal))
            .Select(span => $"{span.OperationName["mcpclientgen.shared_token.".Length..]}={span.GetTagItem("mcpclientgen.shared_token.outcome")}")];

    /// <summary>The sum of this test's increments of <paramref name="instrument"/>.</summary>
    public long Total(string instrument) => _increments.Where(increment => increment.Instrument == instrument).Sum(increment => increment.Value);

    /// <summary>The tags of this test's increments of <paramref name="instrument"/>.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> TagsOf(string instrument) =>
        [.. _increments.Where(increment => increment.Instrument == instrument).Select(increment => increment.Tags)];

    public void Dispose()
    {
        _counters.Dispose();
        _spans.Dispose();
        _root.Stop();
    }
}
