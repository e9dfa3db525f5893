using BenchmarkDotNet.Attributes;
using McpClientGen.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Benchmarks;

/// <summary>
/// (a) One tool call through the generated, typed client against the raw SDK call of the same tool, on the same
/// unauthenticated in-process server over loopback HTTP. Both keep one open session.
/// </summary>
[MemoryDiagnoser]
// Loopback HTTP calls vary by tens of percent between iterations on a 2-core VM: a short run (3 iterations) cannot
// resolve a 2-3 % ratio, so these take 20 measured iterations.
[SimpleJob(warmupCount: 5, iterationCount: 20)]
public class TypedVsRawCallBenchmarks
{
    private static readonly Dictionary<string, object?> RawArguments = new() { ["city"] = "Oslo" };

    private LoopbackMcpServer _server = null!;
    private DemoClient _typed = null!;
    private McpClient _raw = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await LoopbackMcpServer.StartAsync<BenchTools>();
        _typed = new DemoClient(McpConnection.CreateUnauthenticated(_server.Endpoint));
        _raw = await McpClient.CreateAsync(new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = _server.Endpoint, TransportMode = HttpTransportMode.StreamableHttp }));

        // Sanity: both calls work and agree before anything is measured.
        var typedResult = await Typed();
        var rawResult = await Raw();
        var rawCity = rawResult.StructuredContent?.GetProperty("city").GetString();
        if (typedResult.City != "Oslo" || rawCity != "Oslo" || rawResult.IsError == true)
        {
            throw new InvalidOperationException($"Unexpected results: typed {typedResult.City}, raw {rawCity}.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _typed.DisposeAsync();
        await _raw.DisposeAsync();
        await _server.DisposeAsync();
    }

    /// <summary>The SDK as is: a dictionary of arguments in, a <see cref="CallToolResult"/> out.</summary>
    [Benchmark(Baseline = true, Description = "raw SDK CallToolAsync(name, dictionary)")]
    public Task<CallToolResult> Raw() => _raw.CallToolAsync("get_weather", RawArguments).AsTask();

    /// <summary>The generated method: typed arguments in, the typed result record out (read from structuredContent).</summary>
    [Benchmark(Description = "typed GetWeatherAsync(city)")]
    public Task<IDemoClient.GetWeatherResult> Typed() => _typed.GetWeatherAsync("Oslo");
}
