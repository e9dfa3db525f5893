using McpClientGen.Testing;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Tests;

/// <summary>The generated code compiles without a single warning, and the generator never crashes.</summary>
public sealed class GeneratedCodeCompilesTests
{
    [Fact]
    public void Golden_weather_snapshot_compiles_without_warnings()
    {
        var snapshot = File.ReadAllText(RepositoryPaths.Combine("tests", "McpClientGen.Generator.Tests", "Golden", "Weather", "weather.mcp.json"));
        var (output, generatorDiagnostics, _) = GeneratorHarness.Run(
            """
            namespace Contoso.Weather;

            [McpClientGen.McpClient("weather")]
            internal partial interface IWeatherClient;
            """,
            new InMemoryAdditionalText("/schemas/weather.mcp.json", snapshot));

        Assert.DoesNotContain(generatorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Contains(output.SyntaxTrees, tree => tree.ToString().Contains("internal sealed partial class WeatherClient", StringComparison.Ordinal));
    }
}
