namespace McpClientGen.IntegrationTests.Support;

/// <summary>
/// Counts the requests that leave the auth handler for the MCP server. Added with <c>AddHttpMessageHandler</c> after
/// <c>AddMcpClient</c>, it sits inside the auth handler, so it sees every send, a resend after a 401 included.
/// </summary>
internal sealed class RequestCountingHandler : DelegatingHandler
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return base.SendAsync(request, cancellationToken);
    }
}
