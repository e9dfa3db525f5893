namespace McpClientGen.IntegrationTests.Support;

/// <summary>
/// Counts the requests that pass through it; where it sits says what is counted. Added with
/// <c>AddHttpMessageHandler</c> after <c>AddMcpClient</c>, it sits inside the auth handler and sees every send, a
/// resend after a 401 included. In front of the auth handler it counts the requests that have entered the auth
/// engine, which a test waits for before it lets a held token request go.
/// </summary>
internal sealed class RequestCountingHandler : DelegatingHandler
{
    private readonly ChangeSignal _counted = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Completes once <paramref name="count"/> requests have come through.</summary>
    public Task WaitForCountAsync(int count) =>
        _counted.WaitUntilAsync(() => Count >= count, () => $"{Count} requests came through, not the {count} the test waited for.");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        _counted.Pulse();
        return base.SendAsync(request, cancellationToken);
    }
}
