using McpClientGen.Tests.Support;

namespace McpClientGen.IntegrationTests.Support;

/// <summary>
/// Lets a test wait until what a recorder has recorded meets a condition: the recorder calls <see cref="Pulse"/> after
/// each change, and <see cref="WaitUntilAsync"/> checks the condition again after every pulse. Each wait for the next
/// change is bounded by <see cref="Bounded.Limit"/>, so broken code fails the test instead of hanging it.
/// </summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Wakes every waiter; call it after each change.</summary>
    public void Pulse() => Interlocked.Exchange(ref _changed, NewSignal()).SetResult();

    /// <summary>Completes once <paramref name="condition"/> holds; <paramref name="describe"/> explains a timeout.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, Func<string> describe)
    {
        while (true)
        {
            // Taken before the check, so a change between the check and the wait still wakes this waiter.
            var changed = Volatile.Read(ref _changed).Task;
            if (condition())
            {
                return;
            }

            try
            {
                await changed.WaitAsync(Bounded.Limit);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException(describe());
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
