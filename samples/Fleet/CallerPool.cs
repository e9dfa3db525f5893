using System.Diagnostics;

namespace McpClientGen.Fleet;

/// <summary>
/// A worker's concurrent callers: each calls <c>get_weather</c> through the one shared client, over and over, until
/// the <see cref="WorkerLoad"/> says stop. Counts what succeeded and what failed, and answers checkpoints.
/// </summary>
internal sealed class CallerPool(IFleetClient client, WorkerLoad load, Action<WorkerMessage> write)
{
    private const int MaxErrorsReported = 5;

    private readonly List<string> _errors = [];
    private long _calls;
    private long _failed;
    private long _checkpointsRequested;
    private long _checkpointsAnswered;

    /// <summary>Asks for a <see cref="WorkerEvents.Checkpoint"/> after the next call that starts from now on succeeds.</summary>
    public void RequestCheckpoint() => Interlocked.Increment(ref _checkpointsRequested);

    /// <summary>Runs the callers until the load's limits or <paramref name="stop"/>, and reports.</summary>
    public async Task<WorkerReport> RunAsync(TelemetryCounters telemetry, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
        if (load.Duration is { } duration)
        {
            deadline.CancelAfter(duration);
        }

        await Task.WhenAll(Enumerable.Range(0, load.Callers).Select(_ => CallAsync(deadline.Token)));
        lock (_errors)
        {
            return new WorkerReport(Interlocked.Read(ref _calls), Interlocked.Read(ref _failed), [.. _errors], clock.Elapsed, telemetry.Snapshot());
        }
    }

    private async Task CallAsync(CancellationToken stop)
    {
        // Off the caller of RunAsync at once, so all callers start together rather than one after another's first await.
        await Task.Yield();
        for (var made = 0; !stop.IsCancellationRequested && (load.CallsPerCaller == 0 || made < load.CallsPerCaller); made++)
        {
            var checkpoint = Interlocked.Read(ref _checkpointsRequested);
            try
            {
                // Not cancelled by the stop: a call in flight finishes, so a stop never counts as a failure.
                await client.GetWeatherAsync("Oslo", CancellationToken.None);
                var calls = Interlocked.Increment(ref _calls);
                AnswerCheckpoint(checkpoint, calls);
            }
            catch (Exception error)
            {
                Interlocked.Increment(ref _failed);
                Record(error);
            }

            if (load.Pause is { } pause)
            {
                await Pause(pause, stop);
            }
        }
    }

    private static async Task Pause(TimeSpan pause, CancellationToken stop)
    {
        try
        {
            await Task.Delay(pause, stop);
        }
        catch (OperationCanceledException)
        {
            // Stopped while pausing: the loop ends.
        }
    }

    private void AnswerCheckpoint(long requestedBeforeThisCall, long calls)
    {
        // Only a call that started after a request answers it; requests made before one answer share it.
        long answered;
        while (requestedBeforeThisCall > (answered = Interlocked.Read(ref _checkpointsAnswered)))
        {
            if (Interlocked.CompareExchange(ref _checkpointsAnswered, requestedBeforeThisCall, answered) == answered)
            {
                write(new WorkerMessage(WorkerEvents.Checkpoint, Environment.ProcessId, calls));
                return;
            }
        }
    }

    private void Record(Exception error)
    {
        var text = $"{error.GetType().Name}: {error.Message}";
        lock (_errors)
        {
            if (_errors.Count < MaxErrorsReported && !_errors.Contains(text))
            {
                _errors.Add(text);
            }
        }
    }
}
