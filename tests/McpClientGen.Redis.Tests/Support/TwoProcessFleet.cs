using McpClientGen.DemoServer;
using McpClientGen.Tests.Support;
using Microsoft.Extensions.Logging;

namespace McpClientGen.Redis.Tests.Support;

/// <summary>A real server of one kind, the demo stack, and two processes of the demo client sharing tokens through it.</summary>
internal sealed class TwoProcessFleet : IAsyncDisposable
{
    private TwoProcessFleet(RedisTestBed bed, DemoStack stack, FleetProcess first, FleetProcess second)
    {
        Bed = bed;
        Stack = stack;
        First = first;
        Second = second;
    }

    public RedisTestBed Bed { get; }

    public DemoStack Stack { get; }

    public FleetProcess First { get; }

    public FleetProcess Second { get; }

    /// <summary>Starts the fleet; the processes share <paramref name="clock"/> when one is given, else each has its own.</summary>
    public static async Task<TwoProcessFleet> StartAsync(string kind, FakeClock? clock = null, ILoggerFactory? loggerFactory = null)
    {
        var bed = await RedisTestBed.StartAsync(kind);
        var stack = await DemoStack.StartAsync();
        return new TwoProcessFleet(
            bed,
            stack,
            new FleetProcess(bed, FleetProcess.DemoClient(stack), clock, loggerFactory),
            new FleetProcess(bed, FleetProcess.DemoClient(stack), clock, loggerFactory));
    }

    /// <summary>One call from each process, the first one first.</summary>
    public async Task CallFromBothAsync()
    {
        await First.CallAsync();
        await Second.CallAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
        await Stack.DisposeAsync();
        await Bed.DisposeAsync();
    }
}
