using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Benchmarks;

/// <summary>
/// Reading the typed result alone, with no call: a real <see cref="CallToolResult"/> of <c>get_weather</c>, taken once in
/// the setup from the in-memory server (<see cref="InMemoryMcpServer"/>), read into <see cref="IDemoClient.GetWeatherResult"/>
/// <list type="bullet">
/// <item>by hand (baseline): <c>StructuredContent</c> with <see cref="JsonElement.GetProperty(string)"/>, <c>GetString</c>,
/// <c>GetDouble</c>, <c>GetInt64</c>, no checks;</item>
/// <item>by the generated client's own path, the code <c>GetWeatherAsync</c> runs once the call has returned: the
/// proxy's <c>ReadStructuredResult</c> (finds <c>structuredContent</c>), then the generated read delegate
/// (<c>DemoClientSerializer.ReadGetWeatherResult</c>, which checks each property's presence and kind).</item>
/// </list>
/// A third row runs the generated read delegate alone on <c>structuredContent</c>, to split the generated path's cost
/// between finding the value and reading it. The generated delegate is file-local in the generated code, so the setup binds
/// it by reflection; the proxy's method is called directly: the measured code is the shipped code, not a copy.
/// </summary>
[MemoryDiagnoser]
public class ResultReadingBenchmarks
{
    private const string ToolName = "get_weather";

    private CallToolResult _result = null!;
    private Func<JsonElement, string, string, IDemoClient.GetWeatherResult> _generatedRead = null!;
    private ToolResponse _response = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await using (var server = new InMemoryMcpServer())
        {
            await using var client = await McpClient.CreateAsync(server.Connect());
            _result = await client.CallToolAsync(ToolName, new Dictionary<string, object?> { ["city"] = "Oslo" });
        }

        _generatedRead = GeneratedReader();
        // As a typed call holds it once the result has arrived (the whole result already read, as the baseline's is).
        _response = ToolResponse.Whole(JsonSerializer.SerializeToNode(_result, ModelContextProtocol.McpJsonUtilities.DefaultOptions)!);

        var byHand = HandWritten();
        var generated = Generated();
        if (byHand != generated || generated.City != "Oslo")
        {
            throw new InvalidOperationException($"The readers disagree: by hand {byHand}, generated {generated}.");
        }
    }

    [Benchmark(Baseline = true, Description = "hand-written JsonElement read of structuredContent")]
    public IDemoClient.GetWeatherResult HandWritten()
    {
        var structured = _result.StructuredContent!.Value;
        return new IDemoClient.GetWeatherResult
        {
            City = structured.GetProperty("city").GetString()!,
            TemperatureCelsius = structured.GetProperty("temperature_celsius").GetDouble(),
            Conditions = structured.GetProperty("conditions").GetString()!,
            HumidityPercent = structured.GetProperty("humidity_percent").GetInt64(),
        };
    }

    [Benchmark(Description = "generated client's read (find structuredContent, generated read delegate)")]
    public IDemoClient.GetWeatherResult Generated() => McpClientProxy.ReadStructuredResult(_response, ToolName, _generatedRead);

    /// <summary>The generated read delegate alone, on <c>structuredContent</c>: splits the generated path's cost between its two steps.</summary>
    [Benchmark(Description = "generated read delegate alone (structuredContent given)")]
    public IDemoClient.GetWeatherResult GeneratedDelegateOnly() => _generatedRead(_result.StructuredContent!.Value, "structuredContent", ToolName);

    /// <summary>
    /// The delegate the generated <c>GetWeatherAsync</c> hands to the proxy: <c>ReadGetWeatherResult</c> of the generated
    /// file-local <c>DemoClientSerializer</c> class of <see cref="DemoClient"/>.
    /// </summary>
    private static Func<JsonElement, string, string, IDemoClient.GetWeatherResult> GeneratedReader()
    {
        var readers = typeof(DemoClient).Assembly.GetTypes()
            .Where(type => type.Name.EndsWith("DemoClientSerializer", StringComparison.Ordinal))
            .Select(type => type.GetMethod("ReadGetWeatherResult", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .OfType<MethodInfo>()
            .ToList();
        return readers.Count == 1
            ? readers[0].CreateDelegate<Func<JsonElement, string, string, IDemoClient.GetWeatherResult>>()
            : throw new InvalidOperationException($"Expected one generated ReadGetWeatherResult, found {readers.Count}.");
    }
}
