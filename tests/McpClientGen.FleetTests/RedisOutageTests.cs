namespace McpClientGen.FleetTests;

/// <summary>Redis going down under a running fleet, and coming back, fails no call.</summary>
[Collection(FleetCollection.Name)]
public sealed class RedisOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Garnet_stopped_mid_run_and_restarted_fails_no_call_even_when_tokens_must_be_replaced_meanwhile()
    {
        await using var harness = await FleetHarness.StartAsync();
        await using var fleet = await harness.StartCallingFleetAsync();
        var tokensBefore = harness.FleetTokenRequests;

        await harness.Garnet.StopAsync();
        await fleet.CheckpointAsync(FleetHarness.StepLimit);
        // With Redis down, every worker needs a new token: each gets its own, since none can share it.
        harness.Stack.RevokeIssuedTokens();
        await fleet.CheckpointAsync(FleetHarness.StepLimit);

        await harness.Garnet.StartAsync();
        await fleet.CheckpointAsync(FleetHarness.StepLimit);
        var outcomes = await fleet.StopAsync(FleetHarness.StepLimit);
        output.WriteLine(FleetAssert.Describe(outcomes));

        FleetAssert.RanFromOneTokenWithoutFailure(tokensBefore, outcomes, harness.Stack);
        Assert.True(
            outcomes.All(outcome => outcome.Report.Telemetry.StoreFailures > 0 && outcome.Report.Telemetry.UnauthorizedRetries > 0),
            $"Every worker should have replaced its token while the store failed:\n{FleetAssert.Describe(outcomes)}");
        // One token before the outage, and exactly one per worker during it: each process on its own, none more.
        Assert.Equal(1 + outcomes.Count, harness.FleetTokenRequests);
    }
}
