namespace McpClientGen.FleetTests;

/// <summary>A token the MCP server stops accepting is replaced once for the whole fleet.</summary>
[Collection(FleetCollection.Name)]
public sealed class RevocationAcrossFleetTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_token_revoked_mid_run_is_replaced_by_one_new_token_for_the_fleet_without_a_failed_call()
    {
        await using var harness = await FleetHarness.StartAsync();
        await using var fleet = await harness.StartCallingFleetAsync();
        var tokensBefore = harness.FleetTokenRequests;

        harness.Stack.RevokeIssuedTokens();
        // Every worker has since made a call that started after the revocation, with the revoked token in its cache.
        await fleet.CheckpointAsync(FleetHarness.StepLimit);
        var outcomes = await fleet.StopAsync(FleetHarness.StepLimit);
        output.WriteLine(FleetAssert.Describe(outcomes));

        FleetAssert.RanFromOneTokenWithoutFailure(tokensBefore, outcomes, harness.Stack);
        FleetAssert.TokenRequests(expected: 2, harness.FleetTokenRequests, outcomes);
        Assert.True(
            outcomes.All(outcome => outcome.Report.Telemetry.UnauthorizedRetries > 0),
            $"Every worker should have had the revoked token rejected and retried:\n{FleetAssert.Describe(outcomes)}");
    }
}
