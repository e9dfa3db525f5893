using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace McpClientGen.Fleet;

/// <summary>
/// A worker started as a separate process, seen from the coordinator: commands go to its standard input, its
/// <see cref="WorkerMessage"/>s come from its standard output, and its standard error is kept for when something
/// fails. Disposing it kills a worker that is still running, with any process it started.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<WorkerMessage> _messages = Channel.CreateUnbounded<WorkerMessage>();
    private readonly StringBuilder _log = new();
    private readonly Task _reading;

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, line) => AppendLog(line.Data);
        _process.BeginErrorReadLine();
        _reading = ReadMessagesAsync();
    }

    /// <summary>The worker's process id.</summary>
    public int Id => _process.Id;

    /// <summary>What the worker wrote to standard error so far, and any line of standard output that was not a message.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts a worker that connects to <paramref name="target"/> and calls with <paramref name="load"/> once told to go.</summary>
    /// <param name="launch">How to start the program.</param>
    /// <param name="target">What to connect to; it reaches the worker as environment variables.</param>
    /// <param name="load">How to call.</param>
    /// <returns>The running worker.</returns>
    public static WorkerProcess Start(WorkerLaunch launch, FleetTarget target, WorkerLoad load)
    {
        var start = new ProcessStartInfo(launch.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in launch.Arguments.Concat(load.ToArguments()))
        {
            start.ArgumentList.Add(argument);
        }

        // Only the settings given here: none of the coordinator's own, should it have any.
        foreach (var inherited in start.Environment.Keys.Where(IsWorkerSetting).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in target.ToEnvironment())
        {
            start.Environment[name] = value;
        }

        return new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException($"{launch.FileName} did not start."));
    }

    /// <summary>Waits until the worker has connected and waits for <see cref="GoAsync"/>.</summary>
    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => ExpectAsync(WorkerEvents.Ready, cancellationToken);

    /// <summary>Tells the worker to start calling.</summary>
    public Task GoAsync() => SendAsync(WorkerCommands.Go);

    /// <summary>
    /// Asks for a checkpoint and waits for it: when this returns, a call that the worker started after the request has
    /// succeeded.
    /// </summary>
    /// <returns>The calls the worker has made so far.</returns>
    public async Task<long> CheckpointAsync(CancellationToken cancellationToken)
    {
        await SendAsync(WorkerCommands.Checkpoint);
        return (await ExpectAsync(WorkerEvents.Checkpoint, cancellationToken)).Calls;
    }

    /// <summary>Tells the worker to finish its calls in flight and report.</summary>
    public Task StopAsync() => SendAsync(WorkerCommands.Stop);

    /// <summary>Waits for the worker's report and for it to exit.</summary>
    /// <returns>The report.</returns>
    public async Task<WorkerReport> ReadReportAsync(CancellationToken cancellationToken)
    {
        var result = await ExpectAsync(WorkerEvents.Result, cancellationToken);
        await _process.WaitForExitAsync(cancellationToken);
        return result.Report ?? throw new InvalidDataException($"Worker {Id} sent a result without a report.");
    }

    /// <summary>Kills the worker at once, as a crash would end it, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        await _reading;
        _process.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"Worker {Id}";

    private static bool IsWorkerSetting(string name) =>
        name.StartsWith($"{FleetTarget.McpSection}__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Fleet__", StringComparison.OrdinalIgnoreCase);

    private async Task SendAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
    }

    private async Task<WorkerMessage> ExpectAsync(string expected, CancellationToken cancellationToken)
    {
        bool more;
        try
        {
            more = await _messages.Reader.WaitToReadAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Worker {Id} sent no '{expected}' in time. Its log:\n{Log}");
        }

        if (!more || !_messages.Reader.TryRead(out var message))
        {
            throw new InvalidOperationException($"Worker {Id} ended without '{expected}'. Its log:\n{Log}");
        }

        return message.Event == expected
            ? message
            : throw new InvalidOperationException($"Worker {Id} sent '{message.Event}' where '{expected}' was expected. Its log:\n{Log}");
    }

    private async Task ReadMessagesAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (Parse(line) is { } message)
            {
                _messages.Writer.TryWrite(message);
            }
            else
            {
                AppendLog(line);
            }
        }

        _messages.Writer.TryComplete();
    }

    private static WorkerMessage? Parse(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(line, WorkerJson.Default.WorkerMessage);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
