using BenchmarkDotNet.Attributes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Benchmarks;

/// <summary>
/// The typed-vs-raw call comparison, whatever carries it: a subclass connects the generated client and the raw SDK client to
/// the same server over the same kind of transport, and this measures one <c>get_weather</c> call through each.
/// </summary>
public abstract class TypedVsRawCalls
{
    private static readonly Dictionary<string, object?> RawArguments = new() { ["city"] = "Oslo" };

    private DemoClient _typed = null!;
    private McpClient _raw = null!;

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _typed.DisposeAsync();
        await _raw.DisposeAsync();
        await DisposeServerAsync();
    }

    /// <summary>The SDK as is: a dictionary of arguments in, a <see cref="CallToolResult"/> out.</summary>
    [Benchmark(Baseline = true, Description = "raw SDK CallToolAsync(name, dictionary)")]
    public Task<CallToolResult> Raw() => _raw.CallToolAsync("get_weather", RawArguments).AsTask();

    /// <summary>The generated method: typed arguments in, the typed result record out (read from structuredContent).</summary>
    [Benchmark(Description = "typed GetWeatherAsync(city)")]
    public Task<IDemoClient.GetWeatherResult> Typed() => _typed.GetWeatherAsync("Oslo");

    /// <summary>Takes the two clients to measure, and checks that both calls work and agree before anything is measured.</summary>
    protected async Task UseAsync(DemoClient typed, McpClient raw)
    {
        _typed = typed;
        _raw = raw;
        var typedResult = await Typed();
        var rawResult = await Raw();
        var rawCity = rawResult.StructuredContent?.GetProperty("city").GetString();
        if (typedResult.City != "Oslo" || rawCity != "Oslo" || rawResult.IsError == true)
        {
            throw new InvalidOperationException($"Unexpected results: typed {typedResult.City}, raw {rawCity}.");
        }
    }

    /// <summary>Stops the server the subclass started, after both clients are disposed.</summary>
    protected abstract ValueTask DisposeServerAsync();
}
