using McpClientGen.DemoServer;

namespace McpClientGen.Benchmarks;

/// <summary>
/// What the authenticated-call benchmarks assert around their measured calls: the setup calls every client once (an
/// authenticated one requests its token then) and counts the DemoStack's token requests; the cleanup checks that the
/// measured calls requested none, so every one of them ran with a cached token.
/// </summary>
internal sealed class CachedTokenGuard
{
    private readonly DemoStack _stack;
    private readonly int _afterWarmUp;

    private CachedTokenGuard(DemoStack stack)
    {
        _stack = stack;
        _afterWarmUp = stack.TokenRequestCount;
    }

    /// <summary>The token requests since the warm-up; read it before disposing the clients.</summary>
    public int RequestsSinceWarmUp => _stack.TokenRequestCount - _afterWarmUp;

    /// <summary>Calls each client once, checks its result, and expects <paramref name="expectedTokens"/> token requests in all.</summary>
    public static async Task<CachedTokenGuard> WarmUpAsync(DemoStack stack, int expectedTokens, params DemoClient[] clients)
    {
        foreach (var client in clients)
        {
            var result = await client.GetWeatherAsync("Oslo");
            if (result.City != "Oslo")
            {
                throw new InvalidOperationException($"Unexpected city {result.City}.");
            }
        }

        var guard = new CachedTokenGuard(stack);
        return guard._afterWarmUp == expectedTokens
            ? guard
            : throw new InvalidOperationException($"Expected {expectedTokens} token request(s), one per authenticated client, got {guard._afterWarmUp}.");
    }

    /// <summary>Fails the benchmark when the measured calls requested a token (<see cref="RequestsSinceWarmUp"/>, read earlier).</summary>
    public static void Check(int requests)
    {
        if (requests != 0)
        {
            throw new InvalidOperationException($"{requests} token request(s) during the measured calls; the cache was not hit.");
        }

        Console.WriteLine($"// Token requests during the measured calls: {requests}");
    }
}
