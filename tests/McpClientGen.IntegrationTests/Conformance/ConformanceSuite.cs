using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using McpClientGen.IntegrationTests.Npm;
using McpClientGen.Testing;

namespace McpClientGen.IntegrationTests.Conformance;

/// <summary>
/// The official MCP conformance suite (see <see cref="ConformanceTools"/> for how it is installed) running
/// <c>tests/ConformanceClient</c> against its own servers, one scenario at a time, and the checks it reports.
/// </summary>
internal static class ConformanceSuite
{
    /// <summary>A guard against a hung suite, never a timing assertion: node and the client are killed when it runs out.</summary>
    private static readonly TimeSpan ScenarioLimit = TimeSpan.FromMinutes(5);

    /// <summary>The conformance client, built by this test project's reference to it, in the same configuration.</summary>
    private static readonly string Client = RepositoryPaths.Combine(
        "tests", "ConformanceClient", "bin",
        typeof(ConformanceSuite).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug",
        "net10.0", "ConformanceClient.dll");

    /// <summary>Runs one client scenario of the suite version pinned in <paramref name="suite"/> and returns its checks.</summary>
    public static async Task<ScenarioRun> RunAsync(
        string scenario, IReadOnlyDictionary<string, string>? environment = null, string suite = ConformanceTools.Stable)
    {
        var entryPoint = await ConformanceTools.EnsureInstalledAsync(suite);
        var output = Directory.CreateTempSubdirectory("mcpgen-conformance-");
        try
        {
            var start = new ProcessStartInfo(NodeTools.NodePath);
            foreach (var argument in new[] { entryPoint, "client", "--command", $"dotnet \"{Client}\"", "--scenario", scenario, "-o", output.FullName })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }

            var run = await ChildProcess.RunAsync(start, ScenarioLimit);
            var checksFile = Directory.GetFiles(output.FullName, "checks.json", SearchOption.AllDirectories).SingleOrDefault();
            var checks = checksFile is null ? [] : ReadChecks(await File.ReadAllTextAsync(checksFile));
            return new ScenarioRun(scenario, run.ExitCode, checks, run.Output + run.Error);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static List<ConformanceCheck> ReadChecks(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(check => new ConformanceCheck(
                check.GetProperty("id").GetString()!,
                check.GetProperty("status").GetString()!,
                check.TryGetProperty("description", out var description) ? description.GetString() ?? "" : "",
                check.TryGetProperty("errorMessage", out var error) ? error.GetString() : null))
            .ToList();
    }
}

/// <summary>One check the suite reported.</summary>
internal sealed record ConformanceCheck(string Id, string Status, string Description, string? ErrorMessage);

/// <summary>The outcome of one scenario: the suite's exit code, its checks and its console output.</summary>
internal sealed partial record ScenarioRun(string Scenario, int ExitCode, IReadOnlyList<ConformanceCheck> Checks, string Output)
{
    /// <summary>
    /// The conformance client's exit code. The suite prints "Client exited with code N" for every code but 0, and the
    /// client's own output after it.
    /// </summary>
    public int ClientExitCode => ClientExit().Match(Output) is { Success: true } exit
        ? int.Parse(exit.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
        : 0;

    /// <summary>
    /// The checks that pass or fail something: the suite also reports INFO lines about traffic, and SKIPPED checks for what
    /// the client never did (a method it never sends, a capability it does not declare), which its summary leaves out too.
    /// </summary>
    public IReadOnlyList<ConformanceCheck> Verdicts => Checks.Where(check => check.Status is not ("INFO" or "SKIPPED")).ToList();

    /// <summary>The checks the suite skipped because the client never exercised them.</summary>
    public IReadOnlyList<ConformanceCheck> Skipped => Checks.Where(check => check.Status == "SKIPPED").ToList();

    /// <summary>The check with this id; fails the test when there is not exactly one.</summary>
    public ConformanceCheck Check(string id) => Assert.Single(Checks, check => check.Id == id);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Scenario}: suite exit code {ExitCode}, client exit code {ClientExitCode}, checks:\n" +
        string.Join("\n", Verdicts.Select(check => $"  {check.Status} {check.Id}: {check.ErrorMessage ?? check.Description}")) +
        $"\n--- output ---\n{Output}";

    [GeneratedRegex(@"^Client exited with code (-?\d+)$", RegexOptions.Multiline)]
    private static partial Regex ClientExit();
}
