using System.Diagnostics;
using McpClientGen.Testing;

namespace McpClientGen.FleetTests;

/// <summary>The README's fleet demo, run as a user runs it: one command, its own servers, its own workers.</summary>
[Collection(FleetCollection.Name)]
public sealed class FleetCommandTests
{
    [Fact]
    public async Task The_fleet_demo_prints_one_token_for_the_fleet_and_exits_zero()
    {
        var start = new ProcessStartInfo(FleetHarness.Launch.FileName);
        foreach (var argument in FleetHarness.Launch.Arguments.Concat(["--workers", "2", "--seconds", "2"]))
        {
            start.ArgumentList.Add(argument);
        }

        var result = await ChildProcess.RunAsync(start, TimeSpan.FromSeconds(90));

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\n{result.Output}\n{result.Error}");
        Assert.Contains("Access tokens the authorization server issued to the fleet: 1 for 2 processes.", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 token for the fleet.", result.Output, StringComparison.Ordinal);
    }
}
