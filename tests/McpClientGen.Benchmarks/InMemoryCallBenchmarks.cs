using BenchmarkDotNet.Attributes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Benchmarks;

/// <summary>
/// (a, low noise) One tool call through the generated, typed client against the raw SDK call of the same tool, both over
/// the SDK's <see cref="StreamClientTransport"/> on in-memory pipes to the same in-process server (<see cref="InMemoryMcpServer"/>):
/// no Kestrel and no sockets, so the variance is the client's own. <see cref="TypedVsRawCallBenchmarks"/> stays the
/// end-to-end view over loopback HTTP.
/// </summary>
[MemoryDiagnoser]
public class InMemoryTypedVsRawCallBenchmarks
{
    private static readonly Dictionary<string, object?> RawArguments = new() { ["city"] = "Oslo" };

    private InMemoryMcpServer _server = null!;
    private DemoClient _typed = null!;
    private McpClient _raw = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = new InMemoryMcpServer();
        _typed = new DemoClient(McpConnection.CreateOverTransport(new Uri("memory:bench"), _server.Connect));
        _raw = await McpClient.CreateAsync(_server.Connect());

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
    [Benchmark(Baseline = true, Description = "raw SDK CallToolAsync(name, dictionary), in memory")]
    public Task<CallToolResult> Raw() => _raw.CallToolAsync("get_weather", RawArguments).AsTask();

    /// <summary>The generated method: typed arguments in, the typed result record out (read from structuredContent).</summary>
    [Benchmark(Description = "typed GetWeatherAsync(city), in memory")]
    public Task<IDemoClient.GetWeatherResult> Typed() => _typed.GetWeatherAsync("Oslo");
}
