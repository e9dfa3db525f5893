using System.ComponentModel;
using McpClientGen.DemoServer;
using ModelContextProtocol.Server;

namespace McpClientGen.Benchmarks;

/// <summary>
/// The demo server's <c>get_weather</c>, declared exactly as there (same attributes and types) but served without the
/// demo's authentication, so <c>schemas/demo.mcp.json</c> describes it and the generated <see cref="IDemoClient"/> can call it.
/// </summary>
[McpServerToolType]
internal sealed class BenchTools
{
    [McpServerTool(Name = "get_weather", Title = "Get weather", ReadOnly = true, Idempotent = true, UseStructuredContent = true)]
    [Description("Reports the current weather in a city. The demo derives it from the city's name, so it never changes.")]
    public static WeatherReport GetWeather([Description("The city's name, e.g. 'Oslo'.")] string city) => DemoWeather.For(city);
}
