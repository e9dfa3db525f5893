using McpClientGen.Testing;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Tests;

/// <summary>Shapes of use that the golden tests do not cover: several interfaces on one snapshot, and filters.</summary>
public sealed class GeneratedCodeCompilesTests
{
    private static readonly InMemoryAdditionalText Weather = new(
        "/schemas/weather.mcp.json",
        File.ReadAllText(RepositoryPaths.Combine("tests", "McpClientGen.Generator.Tests", "Golden", "Weather", "weather.mcp.json")));

    [Fact]
    public void Two_interfaces_can_share_one_snapshot_each_with_its_own_types()
    {
        var (output, generatorDiagnostics, _) = GeneratorHarness.Run(
            """
            namespace Contoso;

            [McpClientGen.McpClient("weather")]
            internal partial interface IWeatherClient;

            [McpClientGen.McpClient("weather", Include = new[] { "get_forecast" })]
            public partial interface IForecastClient;

            internal static class Usage
            {
                // The same schema gives two distinct types, one nested in each interface.
                public static IWeatherClient.GetForecastUnit Convert(IForecastClient.GetForecastUnit unit) => (IWeatherClient.GetForecastUnit)(int)unit;
            }
            """,
            Weather);

        AssertCompilesCleanly(output, generatorDiagnostics);
        var forecastClient = output.GetTypeByMetadataName("Contoso.IForecastClient")!;
        var weatherClient = output.GetTypeByMetadataName("Contoso.IWeatherClient")!;
        Assert.Equal(["GetForecastAsync"], MethodNames(forecastClient));
        Assert.Equal(["AlertsSubscribeAsync", "GetForecastAsync"], MethodNames(weatherClient));
        Assert.Equal(Accessibility.Public, output.GetTypeByMetadataName("Contoso.ForecastClient")!.DeclaredAccessibility);
        Assert.Equal(Accessibility.Internal, output.GetTypeByMetadataName("Contoso.WeatherClient")!.DeclaredAccessibility);
    }

    [Fact]
    public void Exclude_leaves_out_tools_and_the_types_only_they_use()
    {
        var (output, generatorDiagnostics, _) = GeneratorHarness.Run(
            """
            [McpClientGen.McpClient("weather", Exclude = new[] { "get_*" })]
            public partial interface IAlertsClient;
            """,
            Weather);

        AssertCompilesCleanly(output, generatorDiagnostics);
        var alerts = output.GetTypeByMetadataName("IAlertsClient")!;
        Assert.Equal(["AlertsSubscribeAsync"], MethodNames(alerts));
        Assert.Equal(["AlertsSubscribeArguments"], alerts.GetTypeMembers().Select(t => t.Name).ToArray());
    }

    private static string[] MethodNames(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).Distinct().Order(StringComparer.Ordinal).ToArray();

    private static void AssertCompilesCleanly(Compilation output, IEnumerable<Diagnostic> generatorDiagnostics)
    {
        Assert.DoesNotContain(generatorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
