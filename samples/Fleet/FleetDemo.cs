using System.Globalization;
using McpClientGen.DemoServer;

namespace McpClientGen.Fleet;

/// <summary>
/// The coordinator: starts the demo stack and Garnet in this process, creates the fleet's key ring, starts the workers,
/// lets them call at the same moment, and prints each worker's calls and token requests beside the authorization
/// server's own count.
/// </summary>
internal static class FleetDemo
{
    private const int CallersPerWorker = 50;
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(1);

    public static async Task<int> RunAsync(int workers, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        Console.WriteLine($"Starting the demo stack (OpenIddict authorization server + MCP server), Garnet and {workers} worker processes ...");
        await using var stack = await DemoStack.StartAsync();
        await ServerWarmUp.RunAsync(stack);
        using var garnet = EmbeddedGarnet.Start();
        var keys = Directory.CreateTempSubdirectory("mcpgen-fleet-keys-");
        try
        {
            FleetDataProtection.CreateKeyRing(keys.FullName);
            var target = new FleetTarget(stack.McpEndpoint, stack.ClientId, stack.ClientSecret, garnet.ConnectionString, keys.FullName)
            {
                AuthorizationServer = stack.Issuer,

                // This one machine runs the authorization server, the MCP server, Garnet and every worker: a store call
                // may wait for a core longer than the 100 ms a fleet on its own machines would allow.
                SharedTokenStoreTimeout = TimeSpan.FromSeconds(1),
            };
            Console.WriteLine($"  MCP endpoint {stack.McpEndpoint}, issuer {stack.Issuer}, Garnet {garnet.ConnectionString}");

            var fleet = await WorkerGroup.StartAsync(WorkerLaunch.ThisProgram(), target, new WorkerLoad(CallersPerWorker, Duration: duration), workers, StartLimit);
            await using (fleet)
            {
                Console.WriteLine($"Each worker calls get_weather with {CallersPerWorker} concurrent callers for {duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s ...");
                await fleet.GoAsync();
                var reports = await fleet.ReadReportsAsync(duration + StartLimit);
                Print(reports, stack.TokenRequestCountFor(stack.ClientId));
                return reports.All(report => report.Report is { FailedCalls: 0, Calls: > 0 }) ? 0 : 1;
            }
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }

    private static void Print(IReadOnlyList<WorkerOutcome> outcomes, int issuedTokens)
    {
        Console.WriteLine();
        Console.WriteLine("  worker      calls   failed   token requests   tokens taken from Redis");
        foreach (var (worker, report, log) in outcomes)
        {
            Console.WriteLine(Row(
                worker.ToString(CultureInfo.InvariantCulture), report.Calls, report.FailedCalls, report.Telemetry.TokenRequests, report.Telemetry.SharedTokenHits));
            foreach (var line in report.Errors.Concat(log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                Console.WriteLine($"    {line}");
            }
        }

        Console.WriteLine(Row(
            "total",
            outcomes.Sum(o => o.Report.Calls),
            outcomes.Sum(o => o.Report.FailedCalls),
            outcomes.Sum(o => o.Report.Telemetry.TokenRequests),
            outcomes.Sum(o => o.Report.Telemetry.SharedTokenHits)));
        Console.WriteLine();
        Console.WriteLine($"Access tokens the authorization server issued to the fleet: {issuedTokens} for {outcomes.Count} processes.");
        if (issuedTokens == 1)
        {
            Console.WriteLine("1 token for the fleet.");
        }
    }

    private static string Row(string worker, long calls, long failed, long tokenRequests, long sharedTokens) =>
        string.Create(CultureInfo.InvariantCulture, $"  {worker,-8} {calls,8} {failed,8} {tokenRequests,16} {sharedTokens,25}");
}
