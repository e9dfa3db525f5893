namespace McpClientGen.IntegrationTests.Support;

/// <summary>
/// Counts the requests that pass through it. Added with <c>AddHttpMessageHandler</c> after <c>AddMcpClient</c>, it
/// sits in front of the auth handler (which is part of the primary handler) and counts the MCP requests the client
/// sends, each once (the auth handler's own resend after a 401 is not seen); a test waits for that count before it lets
/// a held token request go.
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
