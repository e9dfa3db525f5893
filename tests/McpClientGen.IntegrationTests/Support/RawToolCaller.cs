namespace McpClientGen.IntegrationTests.Support;

/// <summary>
/// The client-credentials engine on its own (<see cref="McpClientCredentials.CreateHandler"/>), sending each tool call as
/// one plain POST to the demo's stateless MCP server. A generated client's first callers all wait on the one request
/// that opens its session, so only that request asks for a token; here every call asks the engine itself, so N
/// concurrent first callers are N callers of the token provider. <see cref="Entered"/>, in front of the auth handler,
/// counts the calls that have reached the engine.
/// </summary>
internal sealed class RawToolCaller : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;

    public RawToolCaller(McpConnectionOptions options, TimeProvider clock)
    {
        _endpoint = options.Endpoint!;
        Entered = new RequestCountingHandler { InnerHandler = McpClientCredentials.CreateHandler(options, clock) };
        _http = new HttpClient(Entered);
    }

    /// <summary>The calls that have entered the auth handler.</summary>
    public RequestCountingHandler Entered { get; }

    /// <summary>Calls <c>divide</c>; the text of its result (e.g. <c>2.5</c>), or the auth engine's exception.</summary>
    public async Task<string> DivideAsync(int dividend, int divisor)
    {
        using var request = McpToolCallRequest.Create(_endpoint, "divide", $$"""{"dividend":{{dividend}},"divisor":{{divisor}}}""");
        using var response = await _http.SendAsync(request);
        return await McpToolCallRequest.ReadTextAsync(response);
    }

    /// <summary>
    /// Starts <paramref name="count"/> concurrent calls from this thread, all before the first can be answered, and
    /// waits until every one has entered the auth handler.
    /// </summary>
    public async Task<List<Task<string>>> StartDividesAsync(int count, int dividend, int divisor)
    {
        var before = Entered.Count;
        var calls = Enumerable.Range(0, count).Select(_ => DivideAsync(dividend, divisor)).ToList();
        await Entered.WaitForCountAsync(before + count);
        return calls;
    }

    public void Dispose() => _http.Dispose();
}
