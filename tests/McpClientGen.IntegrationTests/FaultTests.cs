using System.Net;
using System.Net.Sockets;
using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests.Support;
using McpClientGen.Testing;
using McpClientGen.Tests.Support;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// Faults: the authorization server down at start, transient token-endpoint faults under load, an MCP server
/// restart and a revoked token. The MCP server is the real one throughout; only the token endpoint's faults come from
/// a stub (<see cref="TokenEndpointProxy"/>), which forwards to the real endpoint once its faults are used up. Polly's
/// retry delays and per-attempt timeouts run on a <see cref="FakeClock"/>, advanced only when the engine waits on it.
/// The herds of first callers, and the herds whose token request fails, call through <see cref="RawToolCaller"/>: a
/// generated client's first callers all wait on the request that opens its session, the only one that asks for a token,
/// whereas here each of the fifty asks the token provider, and the test checks that they all are in the engine before
/// the token request may end.
/// </summary>
public sealed class FaultTests
{
    private const int Herd = 50;
    private static readonly CallToolRequestParams Ping = new() { Name = "ping" };

    [Fact]
    public async Task A_token_endpoint_that_refuses_connections_gives_a_connection_error_naming_its_url()
    {
        await using var stack = await DemoStack.StartAsync();
        var options = stack.ClientOptions();
        options.TokenEndpoint = new Uri($"http://127.0.0.1:{UnusedPort()}/connect/token");
        options.TokenRequestRetries = 0;
        await using var client = DemoClient.Create(options);

        var error = await Assert.ThrowsAsync<McpConnectionException>(() => client.DivideAsync(5, 2));

        Assert.Equal(McpConnectionFailure.Unreachable, error.Reason);
        Assert.Equal(options.TokenEndpoint, error.Url);
        Assert.Contains(options.TokenEndpoint.AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Empty(stack.TokenRequests);
    }

    [Fact]
    public async Task An_authorization_server_down_at_start_gives_a_clear_error_and_the_same_client_recovers_when_it_returns()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var proxy = await TokenEndpointProxy.StartAsync(stack);
        proxy.Faults(TokenEndpointProxy.Drop);
        var options = proxy.ClientOptions();
        options.TokenRequestRetries = 0;
        await using var client = DemoClient.Create(options);

        // A dropped connection is the network's fault, not the credentials'.
        var error = await Assert.ThrowsAsync<McpConnectionException>(() => client.DivideAsync(5, 2));
        Assert.Equal(McpConnectionFailure.Unreachable, error.Reason);
        Assert.Contains(proxy.TokenEndpoint.AbsoluteUri, error.Message, StringComparison.Ordinal);

        // The server is back (the proxy forwards again): the same client object gets a real token and calls.
        Assert.Equal("2.5", Text(await client.DivideAsync(5, 2)));
        Assert.Equal(2, proxy.RequestCount);
        Assert.Equal(1, stack.TokenRequestCount);
    }

    [Fact]
    public async Task Fifty_first_callers_through_503_429_and_a_hang_share_one_bounded_retry_chain()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var proxy = await TokenEndpointProxy.StartAsync(stack);
        var clock = new FakeClock();
        var options = proxy.ClientOptions();
        options.TokenRequestRetries = 3;
        using var caller = new RawToolCaller(options, clock);
        proxy.Faults(TokenEndpointProxy.Unavailable, Respond.Status(HttpStatusCode.TooManyRequests, ("Retry-After", "2")), Respond.Hang);
        var timersBefore = clock.StartedTimers;

        // All fifty are in the auth engine before the clock lets the first retry go; each needs a token of its own.
        var calls = await caller.StartDividesAsync(Herd, 5, 2);
        await DriveRetriesAsync(clock, proxy, options, firstRequest: 1, timersBefore);
        var results = await Task.WhenAll(calls).WaitAsync(Bounded.Limit);

        Assert.All(results, result => Assert.Equal("2.5", result));
        Assert.Equal(1 + options.TokenRequestRetries, proxy.RequestCount);
        Assert.Equal(1, stack.TokenRequestCount);
    }

    [Fact]
    public async Task Fifty_callers_at_expiry_through_503_429_and_a_hang_share_one_bounded_retry_chain()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var proxy = await TokenEndpointProxy.StartAsync(stack);
        var clock = new FakeClock();
        var options = proxy.ClientOptions();
        options.TokenRequestRetries = 3;
        await using var client = DemoClient.Create(options, clock);
        Assert.Equal("2.5", Text(await client.DivideAsync(5, 2)));

        // The session is open and its token has expired (on the client's clock): each call now needs a token itself.
        clock.Advance(TimeSpan.FromDays(1));
        proxy.Faults(TokenEndpointProxy.Unavailable, Respond.Status(HttpStatusCode.TooManyRequests, ("Retry-After", "2")), Respond.Hang);
        var timersBefore = clock.StartedTimers;
        var calls = Enumerable.Range(0, Herd).Select(_ => Task.Run(() => client.DivideAsync(5, 2))).ToList();
        await DriveRetriesAsync(clock, proxy, options, firstRequest: 2, timersBefore);
        var results = await Task.WhenAll(calls).WaitAsync(Bounded.Limit);

        Assert.All(results, result => Assert.Equal("2.5", Text(result)));
        Assert.Equal(1 + 1 + options.TokenRequestRetries, proxy.RequestCount);
        Assert.Equal(2, stack.TokenRequestCount);
        Assert.Equal(0, stack.Mcp401Count);
    }

    [Fact]
    public async Task Fifty_first_callers_given_a_garbage_token_response_fail_together_after_one_request_and_the_next_call_recovers()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var proxy = await TokenEndpointProxy.StartAsync(stack);
        var options = proxy.ClientOptions();
        using var caller = new RawToolCaller(options, new FakeClock());
        proxy.Faults(Respond.Text(HttpStatusCode.OK, "text/html", "<html>gateway says hello</html>"));

        var calls = await proxy.HoldWhileStartingAsync(1, () => caller.StartDividesAsync(Herd, 5, 2));
        var errors = await AllFailAsync(calls);

        // A 200 with garbage is not transient, so it is not retried: one request, and its one error, for all fifty.
        Assert.Contains("not a JSON object", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(1, proxy.RequestCount);
        Assert.Equal("2.5", await caller.DivideAsync(5, 2));
        Assert.Equal(2, proxy.RequestCount);
    }

    [Fact]
    public async Task Fifty_callers_at_expiry_share_the_failure_of_one_token_request_after_every_retry_and_the_next_call_recovers()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var proxy = await TokenEndpointProxy.StartAsync(stack);
        var clock = new FakeClock();
        var options = proxy.ClientOptions();
        options.TokenRequestRetries = 2;
        using var caller = new RawToolCaller(options, clock);
        Assert.Equal("2.5", await caller.DivideAsync(5, 2));

        // The token has expired on the client's clock, and the authorization server answers 503 to the request and
        // to each retry.
        clock.Advance(TimeSpan.FromDays(1));
        proxy.Faults([.. Enumerable.Repeat(TokenEndpointProxy.Unavailable, 1 + options.TokenRequestRetries)]);
        var calls = await caller.StartDividesAsync(Herd, 5, 2);
        for (var retry = 1; retry <= options.TokenRequestRetries; retry++)
        {
            await proxy.WaitForRequestsAsync(1 + retry);
            clock.AdvanceTo(await clock.WaitForTimerAsync(timer => timer.DueTime != options.TokenRequestTimeout));
        }

        var errors = await AllFailAsync(calls);

        Assert.Contains("503", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(1 + 1 + options.TokenRequestRetries, proxy.RequestCount);
        Assert.Equal("2.5", await caller.DivideAsync(5, 2));
        Assert.Equal(2, stack.TokenRequestCount);
    }

    [Fact]
    public async Task A_token_endpoint_down_at_refresh_fails_the_call_but_keeps_the_MCP_session()
    {
        // The demo MCP server keeps no sessions: a stateful one takes the demo authorization server's tokens (it checks none).
        await using var stack = await DemoStack.StartAsync();
        await using var proxy = await TokenEndpointProxy.StartAsync(stack);
        await using var server = await LoopbackMcpServer.StartAsync<PingTools>(HttpServerSessionMode.Stateful);
        var clock = new FakeClock();
        var options = proxy.ClientOptions();
        options.Endpoint = server.Endpoint;
        options.ResourceIndicator = ResourceIndicatorMode.Never;
        options.TokenRequestRetries = 0;
        await using var connection = McpConnection.Create(options, clock);
        var session = await OpenSessionAsync(server, connection);

        // The token has expired and the token endpoint drops the refresh: the call fails, naming the token endpoint.
        clock.Advance(TimeSpan.FromDays(1));
        proxy.Faults(TokenEndpointProxy.Drop);
        var error = await Assert.ThrowsAsync<McpConnectionException>(() => connection.CallToolAsync(Ping));
        Assert.Equal(proxy.TokenEndpoint, error.Url);

        // Once the token endpoint is back, the call goes on the same MCP session: the outage did not discard it.
        Assert.Equal("pong", Text(await connection.CallToolAsync(Ping)));
        Assert.Equal([session], server.SessionIds);
        Assert.Equal(2, stack.TokenRequestCount);
    }

    [Fact]
    public async Task A_call_while_the_MCP_server_is_down_discards_the_session_and_the_next_call_opens_a_new_one()
    {
        await using var server = await LoopbackMcpServer.StartAsync<PingTools>(HttpServerSessionMode.Stateful);
        await using var connection = McpConnection.CreateUnauthenticated(server.Endpoint);
        var first = await OpenSessionAsync(server, connection);

        await server.StopAsync();
        var error = await Assert.ThrowsAsync<McpConnectionException>(() => connection.CallToolAsync(Ping));
        Assert.Equal(McpConnectionFailure.Unreachable, error.Reason);
        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        await server.StartAgainAsync();

        // The restarted server has no sessions: only a connection that discarded the failed one and opened a new one
        // gets through; the old session would be refused with 404.
        await AssertLaterCallsUseOneNewSessionAsync(server, connection, first);
    }

    [Fact]
    public async Task After_an_MCP_server_restart_an_idle_connection_replaces_the_session_the_SDK_closed()
    {
        await using var server = await LoopbackMcpServer.StartAsync<PingTools>(HttpServerSessionMode.Stateful);
        await using var connection = McpConnection.CreateUnauthenticated(server.Endpoint);
        var first = await OpenSessionAsync(server, connection);

        await server.RestartAsync();
        // The SDK's event stream reconnects with the old session id and is refused: the SDK closes that session.
        await server.WaitForRefusalOfAsync(first).WaitAsync(Bounded.Limit);

        // The SDK closes the session a few milliseconds after the refusal, and ends the calls it still gets with a
        // cancellation nobody asked for; a call that reaches the server first gets the 404 itself. Either way the
        // connection discards the session, and once the SDK has closed it the next call opens a new one directly.
        var raced = await Record.ExceptionAsync(() => connection.CallToolAsync(Ping));
        Assert.True(raced is null or TaskCanceledException or HttpRequestException { StatusCode: HttpStatusCode.NotFound }, raced?.ToString());
        await AssertLaterCallsUseOneNewSessionAsync(server, connection, first);
    }

    [Fact]
    public async Task Twenty_callers_with_a_revoked_token_cause_exactly_one_new_token_request()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());
        Assert.Equal("2.5", Text(await client.DivideAsync(5, 2)));
        Assert.Equal(1, stack.TokenRequestCount);

        stack.RevokeIssuedTokens();
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => client.DivideAsync(5, 2)))).WaitAsync(Bounded.Limit);

        Assert.All(results, result => Assert.Equal("2.5", Text(result)));
        Assert.Equal(2, stack.TokenRequestCount);
        Assert.InRange(stack.Mcp401Count, 1, 20);
    }

    /// <summary>
    /// Walks the engine through the proxy's three faults: after the 503 and the 429 it fires Polly's retry delay, and
    /// while the third request hangs it fires the per-attempt timeout and then the retry delay. The fourth attempt is
    /// forwarded.
    /// </summary>
    private static async Task DriveRetriesAsync(FakeClock clock, TokenEndpointProxy proxy, McpConnectionOptions options, int firstRequest, int timersBefore)
    {
        // Each wait takes only a timer started after the step that causes it, so no timer left from earlier work can
        // be mistaken for the one the retry chain waits on.
        static bool IsTimeout(PendingTimer timer, McpConnectionOptions options) => timer.DueTime == options.TokenRequestTimeout;

        await proxy.WaitForRequestsAsync(firstRequest);
        var afterUnavailable = await NextTimerAsync(clock, timersBefore, timer => !IsTimeout(timer, options));
        var beforeRetry = clock.StartedTimers;
        clock.AdvanceTo(afterUnavailable);
        await proxy.WaitForRequestsAsync(firstRequest + 1);
        var retryAfter = await NextTimerAsync(clock, beforeRetry, timer => !IsTimeout(timer, options));
        Assert.Equal(TimeSpan.FromSeconds(2), retryAfter.DueTime);
        beforeRetry = clock.StartedTimers;
        clock.AdvanceTo(retryAfter);
        await proxy.WaitForRequestsAsync(firstRequest + 2);
        var hung = await NextTimerAsync(clock, beforeRetry, timer => IsTimeout(timer, options));
        beforeRetry = clock.StartedTimers;
        clock.AdvanceTo(hung);
        clock.AdvanceTo(await NextTimerAsync(clock, beforeRetry, timer => !IsTimeout(timer, options)));
        await proxy.WaitForRequestsAsync(firstRequest + 3);
    }

    /// <summary>The earliest pending timer matching <paramref name="match"/> among those started after the first <paramref name="startedBefore"/>.</summary>
    private static Task<PendingTimer> NextTimerAsync(FakeClock clock, int startedBefore, Func<PendingTimer, bool> match) =>
        clock.WaitForTimerAsync(timer => timer.Number > startedBefore && match(timer));

    /// <summary>A first call, which opens the connection's session; returns the session's id.</summary>
    private static async Task<string> OpenSessionAsync(LoopbackMcpServer server, McpConnection connection)
    {
        Assert.Equal("pong", Text(await connection.CallToolAsync(Ping)));
        return Assert.Single(server.SessionIds);
    }

    /// <summary>Two more calls succeed, both on the one session the server opened after it lost <paramref name="lost"/>.</summary>
    private static async Task AssertLaterCallsUseOneNewSessionAsync(LoopbackMcpServer server, McpConnection connection, string lost)
    {
        Assert.Equal("pong", Text(await connection.CallToolAsync(Ping)));
        Assert.Equal("pong", Text(await connection.CallToolAsync(Ping)));
        Assert.Equal(2, server.SessionIds.Count);
        Assert.Equal(lost, server.SessionIds[0]);
        Assert.NotEqual(lost, server.SessionIds[1]);
    }

    /// <summary>
    /// Every call's authentication error; they must be one and the same exception object, which is what the one
    /// shared token request threw (a caller with a request of its own would have an error of its own).
    /// </summary>
    private static async Task<List<McpAuthenticationException>> AllFailAsync(IEnumerable<Task<string>> calls)
    {
        var errors = new List<McpAuthenticationException>();
        foreach (var call in calls)
        {
            errors.Add(await Assert.ThrowsAsync<McpAuthenticationException>(() => call.WaitAsync(Bounded.Limit)));
        }

        Assert.Single(errors.Distinct());
        return errors;
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}
