using System.Text;
using McpClientGen.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Tests;

/// <summary>
/// The generated code for representative snapshots, compared with the committed <c>Golden/*/*.g.cs</c> files.
/// Set MCPGEN_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
/// </summary>
public sealed class GoldenOutputTests
{
    private const string WeatherInterface = """
        using McpClientGen;

        namespace Contoso.Weather;

        [McpClient("weather")]
        [ClientCredentials(Scopes = "weather.read")]
        public partial interface IWeatherClient;
        """;

    [Fact]
    public async Task Weather_snapshot_generates_the_committed_code()
    {
        var directory = RepositoryPaths.Combine("tests", "McpClientGen.Generator.Tests", "Golden", "Weather");
        var snapshotPath = Path.Combine(directory, "weather.mcp.json");
        var test = new GeneratorTest
        {
            TestState =
            {
                Sources = { WeatherInterface },
                AdditionalFiles = { ("/schemas/weather.mcp.json", File.ReadAllText(snapshotPath)) },
                ExpectedDiagnostics =
                {
                    // "raw": {} allows any JSON value, so it stays JsonElement and says so.
                    new DiagnosticResult("MCPGEN005", DiagnosticSeverity.Info)
                        .WithSpan("/schemas/weather.mcp.json", 33, 18, 33, 20)
                        .WithArguments("raw", "get_forecast", "it declares no type, so it accepts any value"),
                },
            },
        };

        var expected = new[] { "Contoso.Weather.IWeatherClient.g.cs", "Contoso.Weather.IWeatherClient.Client.g.cs" };
        if (Environment.GetEnvironmentVariable("MCPGEN_UPDATE_GOLDEN") == "1")
        {
            UpdateGoldenFiles(WeatherInterface, "/schemas/weather.mcp.json", File.ReadAllText(snapshotPath), "Weather");
        }

        foreach (var name in expected)
        {
            var text = await File.ReadAllTextAsync(Path.Combine(directory, name));
            test.TestState.GeneratedSources.Add((typeof(McpClientGenerator), name, SourceText.From(text, Encoding.UTF8)));
        }

        await test.RunAsync();
    }

    /// <summary>Writes the current output into the source tree (not the build output) for review.</summary>
    private static void UpdateGoldenFiles(string source, string snapshotPath, string snapshot, string folder)
    {
        var (output, _, driver) = GeneratorHarness.Run(source, new InMemoryAdditionalText(snapshotPath, snapshot));
        _ = output;
        var sourceFolder = RepositoryPaths.Combine("tests", "McpClientGen.Generator.Tests", "Golden", folder);
        foreach (var generated in driver.GetRunResult().Results.Single().GeneratedSources)
        {
            File.WriteAllText(Path.Combine(sourceFolder, generated.HintName), generated.SourceText.ToString());
        }
    }
}
