using ModelContextProtocol;

namespace McpClientGen.IntegrationTests.Support;

/// <summary>
/// Keeps every progress report in the order it was reported, on the thread that reported it (unlike
/// <see cref="Progress{T}"/>, which posts each report to the thread pool), and signals the first.
/// </summary>
internal sealed class RecordingProgress : IProgress<ProgressNotificationValue>
{
    private readonly Lock _gate = new();
    private readonly List<ProgressNotificationValue> _reports = [];
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The reports so far, in order.</summary>
    public IReadOnlyList<ProgressNotificationValue> Reports
    {
        get
        {
            lock (_gate)
            {
                return [.. _reports];
            }
        }
    }

    /// <summary>Completes when the first report arrives.</summary>
    public Task FirstReport => _first.Task;

    public void Report(ProgressNotificationValue value)
    {
        lock (_gate)
        {
            _reports.Add(value);
        }

        _first.TrySetResult();
    }
}
