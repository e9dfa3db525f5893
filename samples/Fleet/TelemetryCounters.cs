using System.Diagnostics.Metrics;

namespace McpClientGen.Fleet;

/// <summary>
/// Adds up this process's McpClientGen counters, as an OpenTelemetry exporter would see them: the worker's own count of
/// token requests, 401 retries and shared-store activity, to set beside what the authorization server saw.
/// </summary>
internal sealed class TelemetryCounters : IDisposable
{
    private static readonly string[] Instruments =
    [
        "mcpclientgen.token.requests",
        "mcpclientgen.auth.unauthorized_retries",
        "mcpclientgen.shared_token.hits",
        "mcpclientgen.shared_token.lease_waits",
        "mcpclientgen.shared_token.lease_timeouts",
        "mcpclientgen.shared_token.store_failures",
    ];

    private readonly long[] _totals = new long[Instruments.Length];
    private readonly MeterListener _listener = new();

    public TelemetryCounters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == McpClientGenTelemetry.Name && Array.IndexOf(Instruments, instrument.Name) is var index and >= 0)
            {
                listener.EnableMeasurementEvents(instrument, index);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, measurement, _, state) => Interlocked.Add(ref _totals[(int)state!], measurement));
        _listener.Start();
    }

    public WorkerTelemetry Snapshot()
    {
        long Read(int index) => Interlocked.Read(ref _totals[index]);
        return new WorkerTelemetry(Read(0), Read(1), Read(2), Read(3), Read(4), Read(5));
    }

    public void Dispose() => _listener.Dispose();
}
