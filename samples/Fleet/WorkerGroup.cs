namespace McpClientGen.Fleet;

/// <summary>
/// Workers started together with one target and one load, commanded together: started, readied, told to go at the
/// same moment, checkpointed, stopped. Disposing the group kills any worker still running.
/// </summary>
public sealed class WorkerGroup : IAsyncDisposable
{
    private WorkerGroup(IReadOnlyList<WorkerProcess> workers) => Workers = workers;

    /// <summary>The workers, in the order they were started.</summary>
    public IReadOnlyList<WorkerProcess> Workers { get; }

    /// <summary>Starts <paramref name="count"/> workers and waits until every one is ready.</summary>
    /// <param name="launch">How to start the program.</param>
    /// <param name="target">What the workers connect to.</param>
    /// <param name="load">How each worker calls.</param>
    /// <param name="count">How many workers.</param>
    /// <param name="limit">How long starting may take; the workers are killed after that.</param>
    /// <returns>The ready workers.</returns>
    public static async Task<WorkerGroup> StartAsync(WorkerLaunch launch, FleetTarget target, WorkerLoad load, int count, TimeSpan limit)
    {
        var group = new WorkerGroup([.. Enumerable.Range(0, count).Select(_ => WorkerProcess.Start(launch, target, load))]);
        try
        {
            using var timeout = new CancellationTokenSource(limit);
            await Task.WhenAll(group.Workers.Select(worker => worker.WaitUntilReadyAsync(timeout.Token)));
            return group;
        }
        catch
        {
            await group.DisposeAsync();
            throw;
        }
    }

    /// <summary>Tells every worker to start calling.</summary>
    public Task GoAsync() => Task.WhenAll(Workers.Select(worker => worker.GoAsync()));

    /// <summary>Returns once every worker has made a successful call that started after this was called.</summary>
    /// <param name="limit">How long that may take.</param>
    public async Task CheckpointAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await Task.WhenAll(Workers.Select(worker => worker.CheckpointAsync(timeout.Token)));
    }

    /// <summary>Tells every worker to stop, and reads their reports.</summary>
    /// <param name="limit">How long the workers may take to finish their calls and report.</param>
    /// <returns>Each worker's report, in the order of <see cref="Workers"/>.</returns>
    public async Task<IReadOnlyList<WorkerOutcome>> StopAsync(TimeSpan limit)
    {
        await Task.WhenAll(Workers.Select(worker => worker.StopAsync()));
        return await ReadReportsAsync(limit);
    }

    /// <summary>Waits for every worker's report: workers whose load ends by itself report without being stopped.</summary>
    /// <param name="limit">How long that may take.</param>
    /// <returns>Each worker's report, in the order of <see cref="Workers"/>.</returns>
    public async Task<IReadOnlyList<WorkerOutcome>> ReadReportsAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        var reports = await Task.WhenAll(Workers.Select(async worker => new WorkerOutcome(worker.Id, await worker.ReadReportAsync(timeout.Token), worker.Log)));
        return reports;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var worker in Workers)
        {
            await worker.DisposeAsync();
        }
    }
}

/// <summary>One worker's report.</summary>
/// <param name="ProcessId">The worker's process id.</param>
/// <param name="Report">What it did.</param>
/// <param name="Log">What it logged (warnings and errors).</param>
public sealed record WorkerOutcome(int ProcessId, WorkerReport Report, string Log);
