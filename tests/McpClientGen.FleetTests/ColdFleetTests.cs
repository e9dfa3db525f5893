using McpClientGen.Fleet;

namespace McpClientGen.FleetTests;

/// <summary>A cold start of four processes whose first calls all need the first token at once.</summary>
[Collection(FleetCollection.Name)]
public sealed class ColdFleetTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Four_processes_of_200_concurrent_first_callers_make_one_token_request()
    {
        await using var harness = await FleetHarness.StartAsync();
        await using var fleet = await harness.StartWorkersAsync(new WorkerLoad(Callers: 200, CallsPerCaller: 1), count: 4);

        await fleet.GoAsync();
        var outcomes = await fleet.ReadReportsAsync(TimeSpan.FromSeconds(60));
        output.WriteLine(FleetAssert.Describe(outcomes));

        FleetAssert.NoFailedCalls(outcomes);
        Assert.Equal(4 * 200, outcomes.Sum(outcome => outcome.Report.Calls));
        FleetAssert.TokenRequests(expected: 1, harness.FleetTokenRequests, outcomes);
    }
}
