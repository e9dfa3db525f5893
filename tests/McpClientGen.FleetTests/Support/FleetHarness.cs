using McpClientGen.DemoServer;
using McpClientGen.Fleet;
using McpClientGen.Testing.Redis;

namespace McpClientGen.FleetTests;

/// <summary>
/// What every fleet test runs on: the demo stack (OpenIddict and the MCP server) and Garnet inside the test process on
/// loopback, the fleet's Data Protection key ring created once in a directory of its own, and workers started as
/// separate processes of the built Fleet sample with <c>dotnet</c>.
/// </summary>
internal sealed class FleetHarness : IAsyncDisposable
{
    /// <summary>How long starting workers may take: four .NET processes starting at once on a small machine.</summary>
    public static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    /// <summary>How long one step of a running fleet may take: a checkpoint, or finishing and reporting.</summary>
    public static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(30);

    public static readonly WorkerLaunch Launch = WorkerLaunch.Dotnet(DotnetHost(), typeof(WorkerProcess).Assembly.Location);

    private readonly DirectoryInfo _keys;

    /// <summary>
    /// A steady service's traffic: a few callers per process, each pausing briefly between calls (some 100 calls a
    /// second per process). It leaves the two cores of a small machine room for the token endpoint and Redis, whose
    /// store calls the engine gives 100 ms, so a test measures the engine rather than a starved machine.
    /// </summary>
    public static WorkerLoad SteadyTraffic(TimeSpan? duration = null) => new(Callers: 2, Duration: duration, Pause: TimeSpan.FromMilliseconds(20));

    private FleetHarness(DemoStack stack, GarnetHost garnet, DirectoryInfo keys)
    {
        Stack = stack;
        Garnet = garnet;
        _keys = keys;
    }

    public DemoStack Stack { get; }

    /// <summary>The tokens the authorization server issued to the fleet's client (the warm-up's are another client's).</summary>
    public int FleetTokenRequests => Stack.TokenRequestCountFor(Stack.ClientId);

    public GarnetHost Garnet { get; }

    public static async Task<FleetHarness> StartAsync(DemoStackOptions? options = null)
    {
        var keys = Directory.CreateTempSubdirectory("mcpgen-fleet-tests-");
        FleetDataProtection.CreateKeyRing(keys.FullName);
        var stack = await DemoStack.StartAsync(options);
        try
        {
            await ServerWarmUp.RunAsync(stack);
            return new FleetHarness(stack, await GarnetHost.StartNewAsync(), keys);
        }
        catch
        {
            await stack.DisposeAsync();
            keys.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>
    /// The demo client's settings with this Garnet and these keys: the demo's issuer, whose token endpoint discovery
    /// finds, or the given <paramref name="tokenEndpoint"/>. Store calls get a second, not the default 100 ms: the
    /// tests share 2 cores with the other test projects, and a store call that misses its limit under that load would
    /// cost a token request of its own (by design: never a failed call), not the behaviour under test.
    /// </summary>
    public FleetTarget Target(Uri? tokenEndpoint = null, TimeSpan? tokenRequestTimeout = null) =>
        new(Stack.McpEndpoint, Stack.ClientId, Stack.ClientSecret, Garnet.ConnectionString, _keys.FullName)
        {
            AuthorizationServer = tokenEndpoint is null ? Stack.Issuer : null,
            TokenEndpoint = tokenEndpoint,
            TokenRequestTimeout = tokenRequestTimeout,
            SharedTokenStoreTimeout = TimeSpan.FromSeconds(1),
        };

    /// <summary>Starts <paramref name="count"/> workers of <paramref name="target"/> (by default <see cref="Target"/>), ready to go.</summary>
    public Task<WorkerGroup> StartWorkersAsync(WorkerLoad load, int count, FleetTarget? target = null) =>
        WorkerGroup.StartAsync(Launch, target ?? Target(), load, count, StartLimit);

    /// <summary>
    /// Starts four workers with <see cref="SteadyTraffic"/> and lets them call; returns once every one has made a call,
    /// so the fleet has its first token.
    /// </summary>
    public async Task<WorkerGroup> StartCallingFleetAsync()
    {
        var fleet = await StartWorkersAsync(SteadyTraffic(), count: 4);
        try
        {
            await fleet.GoAsync();
            await fleet.CheckpointAsync(StepLimit);
            return fleet;
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one worker; wait for it with <see cref="WorkerProcess.WaitUntilReadyAsync"/>.</summary>
    public static WorkerProcess StartWorker(FleetTarget target, WorkerLoad load) => WorkerProcess.Start(Launch, target, load);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Garnet.DisposeAsync();
            await Stack.DisposeAsync();
        }
        finally
        {
            _keys.Delete(recursive: true);
        }
    }

    // The host that runs `dotnet test` names itself to the processes it starts; a plain `dotnet` is the fallback.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
