using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests.Support;
using McpClientGen.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// A thousand callers that all need a token at once cause exactly one token request, at a cold cache and at expiry,
/// and every one of them succeeds with the token it brings. The token endpoint (the demo's real one, behind
/// <see cref="TokenEndpointProxy"/>) holds that request unanswered until every caller has entered the auth engine and
/// none has finished, so a caller that did not share the request would be seen asking for its own. The benchmark
/// (tests/McpClientGen.Benchmarks, StampedeMeasurement) measures the latencies of the same stampedes; this asserts them.
/// </summary>
public sealed class TokenStampedeTests
{
    private const int Callers = 1000;

    [Fact]
    public async Task A_thousand_first_callers_share_one_token_request()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var proxy = await TokenEndpointProxy.StartAsync(stack);
        // Each raw call asks the token provider itself; a generated client's first callers would wait on its session.
        using var caller = new RawToolCaller(proxy.ClientOptions(), new FakeClock());

        var calls = await proxy.HoldWhileStartingAsync(1, () => caller.StartDividesAsync(Callers, 5, 2));
        var results = await Task.WhenAll(calls).WaitAsync(Bounded.Limit);

        Assert.All(results, result => Assert.Equal("2.5", result));
        Assert.Equal(1, proxy.RequestCount);
        Assert.Equal(1, stack.TokenRequestCount);
    }

    [Fact]
    public async Task A_thousand_callers_of_a_generated_client_at_expiry_share_one_token_request()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var proxy = await TokenEndpointProxy.StartAsync(stack);
        var clock = new FakeClock();
        var entered = new RequestCountingHandler();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddMcpClient<IDemoClient, DemoClient>(options =>
            {
                options.Endpoint = stack.McpEndpoint;
                options.ClientId = stack.ClientId;
                options.ClientSecret = stack.ClientSecret;
                options.TokenEndpoint = proxy.TokenEndpoint;
            })
            // In front of the auth handler (part of the primary handler), counting the calls that reach it.
            .AddHttpMessageHandler(() => entered);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IDemoClient>();
        Assert.Equal("2.5", DemoStackHttp.Text(await client.DivideAsync(5, 2)));

        // The session is open and its token has expired on the client's clock: every call needs the next token.
        clock.Advance(TimeSpan.FromDays(1));
        var calls = await proxy.HoldWhileStartingAsync(2, async () =>
        {
            var (enteredBefore, sentBefore) = (entered.Count, stack.McpRequestCount);
            var started = Enumerable.Range(0, Callers).Select(_ => Task.Run(() => client.DivideAsync(5, 2))).ToList();
            await entered.WaitForCountAsync(enteredBefore + Callers);

            // Every call is in the auth handler and none got past it to the server: they all wait for the held token.
            Assert.Equal(sentBefore, stack.McpRequestCount);
            return started;
        });
        var results = await Task.WhenAll(calls).WaitAsync(Bounded.Limit);

        Assert.All(results, result => Assert.Equal("2.5", DemoStackHttp.Text(result)));
        Assert.Equal(2, proxy.RequestCount);
        Assert.Equal(2, stack.TokenRequestCount);
        Assert.Equal(0, stack.Mcp401Count);
    }
}
