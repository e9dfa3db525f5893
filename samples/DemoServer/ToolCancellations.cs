using System.Collections.Concurrent;

namespace McpClientGen.DemoServer;

/// <summary>
/// The calls of <c>wait_until_cancelled</c> that started waiting and those that saw their cancellation token fire, by
/// the label each call was given, so a test can wait for those moments instead of guessing how long they take.
/// </summary>
internal sealed class ToolCancellations
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _byLabel = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waitingByLabel = new(StringComparer.Ordinal);

    /// <summary>Records that the call labelled <paramref name="label"/> is waiting, its cancellation token watched.</summary>
    public void RecordWaiting(string label) =>
        _waitingByLabel.GetOrAdd(label, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes once the call labelled <paramref name="label"/> is waiting: a cancellation from now on reaches it.</summary>
    public Task WhenWaitingAsync(string label) =>
        _waitingByLabel.GetOrAdd(label, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Records that the call labelled <paramref name="label"/>, with JSON-RPC id <paramref name="requestId"/>, was cancelled.</summary>
    public void Record(string label, string requestId) => Entry(label).TrySetResult(requestId);

    /// <summary>Completes, with the call's JSON-RPC id, once the call labelled <paramref name="label"/> has been cancelled.</summary>
    public Task<string> WhenCancelledAsync(string label) => Entry(label).Task;

    private TaskCompletionSource<string> Entry(string label) =>
        _byLabel.GetOrAdd(label, static _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
}
