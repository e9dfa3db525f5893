using McpClientGen.Fleet;

namespace McpClientGen.FleetTests;

/// <summary>A process that dies holding the fleet's lease holds the others up for no longer than the lease lasts.</summary>
[Collection(FleetCollection.Name)]
public sealed class LeaseHolderCrashTests(ITestOutputHelper output)
{
    // The lease lasts twice the token request timeout (at most 10 s): 6 s here.
    private static readonly TimeSpan TokenRequestTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LeaseTime = TokenRequestTimeout * 2;

    // A token request, the MCP session's start and the first calls on a loopback stack of a loaded 2-core machine. A fleet
    // that waited out the lease a second time would take at least twice LeaseTime (12 s), above this bound (11 s).
    private static readonly TimeSpan OneRoundTrip = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_holder_killed_while_its_token_request_hangs_delays_the_others_one_lease_and_the_fleet_makes_one_request()
    {
        await using var harness = await FleetHarness.StartAsync();
        await using var relay = new StallFirstConnectionRelay(harness.Stack.TokenEndpoint);
        // Every worker names the same token endpoint, through the relay, so all share one entry and one lease.
        var target = harness.Target(relay.Through(harness.Stack.TokenEndpoint), TokenRequestTimeout);
        await using var holder = FleetHarness.StartWorker(target, new WorkerLoad(Callers: 1));
        await using var others = await harness.StartWorkersAsync(new WorkerLoad(Callers: 20, CallsPerCaller: 1), count: 3, target);
        using (var ready = new CancellationTokenSource(FleetHarness.StartLimit))
        {
            await holder.WaitUntilReadyAsync(ready.Token);
        }

        // The holder takes the lease and sends its token request, which the relay never answers; then it dies.
        await holder.GoAsync();
        await relay.FirstRequestReceived.WaitAsync(TimeSpan.FromSeconds(30));
        await holder.KillAsync();

        await others.GoAsync();
        var outcomes = await others.ReadReportsAsync(TimeSpan.FromSeconds(60));
        output.WriteLine(FleetAssert.Describe(outcomes));

        FleetAssert.NoFailedCalls(outcomes);
        // Every worker found the lease held; the first to wait it out took it over, and the others received its token:
        // none gave up and requested its own.
        Assert.True(
            outcomes.All(outcome => outcome.Report.Telemetry.LeaseWaits > 0 && outcome.Report.Telemetry.LeaseTimeouts == 0),
            $"Every worker should have waited on the dead holder's lease, and none given up:\n{FleetAssert.Describe(outcomes)}");
        Assert.True(
            outcomes.All(outcome => outcome.Report.Elapsed <= LeaseTime + OneRoundTrip),
            $"Every worker should have had its token within the lease time ({LeaseTime}) and one round trip:\n{FleetAssert.Describe(outcomes)}");
        FleetAssert.TokenRequests(expected: 1, harness.FleetTokenRequests, outcomes);
    }
}
