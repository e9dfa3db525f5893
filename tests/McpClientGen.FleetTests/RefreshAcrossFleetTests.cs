using McpClientGen.DemoServer;

namespace McpClientGen.FleetTests;

/// <summary>Four processes calling through several lifetimes of short tokens share every refresh.</summary>
[Collection(FleetCollection.Name)]
public sealed class RefreshAcrossFleetTests(ITestOutputHelper output)
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(5);

    // Separate processes run on the real clock, so this test takes this long by nature: nine and a half refresh
    // intervals of 3 s, so the expected count sits half an interval inside its ±1 band whichever way the workers' start
    // staggers, while a fleet whose processes refreshed on their own would make about four times as many requests.
    private static readonly TimeSpan CallingTime = TimeSpan.FromSeconds(28.5);

    [Fact]
    public async Task Four_processes_calling_through_short_lived_tokens_make_one_request_per_refresh_interval_and_no_401()
    {
        await using var harness = await FleetHarness.StartAsync(new DemoStackOptions { AccessTokenLifetime = TokenLifetime });
        await using var fleet = await harness.StartWorkersAsync(FleetHarness.SteadyTraffic(CallingTime), count: 4);

        await fleet.GoAsync();
        var outcomes = await fleet.ReadReportsAsync(CallingTime + TimeSpan.FromSeconds(30));
        output.WriteLine(FleetAssert.Describe(outcomes));

        FleetAssert.NoFailedCalls(outcomes);
        var calling = outcomes.Max(outcome => outcome.Report.Elapsed);
        var interval = RefreshInterval(TokenLifetime);
        var expected = calling / interval;
        var issued = harness.FleetTokenRequests;
        Assert.True(
            Math.Abs(issued - expected) <= 1,
            $"{issued} tokens in {calling} of calling, where one per refresh interval of {interval} makes {expected:F1} (± 1):\n{FleetAssert.Describe(outcomes)}");
        Assert.Equal(issued, outcomes.Sum(outcome => outcome.Report.Telemetry.TokenRequests));

        // Every token was replaced before it stopped being sent: the MCP server never rejected one.
        Assert.Equal(0, harness.Stack.Mcp401Count);
        Assert.All(outcomes, outcome => Assert.Equal(0, outcome.Report.Telemetry.UnauthorizedRetries));
    }

    /// <summary>
    /// How often the engine replaces a token of <paramref name="lifetime"/> with the default options (see
    /// <c>AccessToken</c>): it stops sending it a skew before expiry, at most a quarter of the lifetime, and fetches the
    /// replacement at <see cref="McpConnectionOptions.TokenRefreshRatio"/> of the time until then.
    /// </summary>
    private static TimeSpan RefreshInterval(TimeSpan lifetime)
    {
        var defaults = new McpConnectionOptions();
        var skew = TimeSpan.FromTicks(Math.Min(lifetime.Ticks / 4, defaults.TokenExpirySkew.Ticks));
        return (lifetime - skew) * defaults.TokenRefreshRatio;
    }
}
