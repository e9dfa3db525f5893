using McpClientGen.Tests.Support;

namespace McpClientGen.IntegrationTests.Support;

/// <summary>
/// Counts the requests that pass through it; where it sits says what is counted. Added with
/// <c>AddHttpMessageHandler</c> after <c>AddMcpClient</c>, it sits inside the auth handler and sees every send, a
/// resend after a 401 included. In front of the auth handler it counts the requests that have entered the auth
/// engine, which a test waits for before it lets a held token request go.
/// </summary>
internal sealed class RequestCountingHandler : DelegatingHandler
{
    private readonly object _gate = new();
    private int _count;
    private TaskCompletionSource _counted = NewSignal();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> requests have come through; fails after a generous real-time limit.</summary>
    public async Task WaitForCountAsync(int count)
    {
        while (true)
        {
            Task counted;
            lock (_gate)
            {
                if (_count >= count)
                {
                    return;
                }

                counted = _counted.Task;
            }

            try
            {
                await counted.WaitAsync(Bounded.Limit);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"{Count} requests came through, not the {count} the test waited for.");
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        TaskCompletionSource counted;
        lock (_gate)
        {
            _count++;
            counted = _counted;
            _counted = NewSignal();
        }

        counted.SetResult();
        return base.SendAsync(request, cancellationToken);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
