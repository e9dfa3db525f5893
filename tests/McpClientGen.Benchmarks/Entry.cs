using System.Runtime.CompilerServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace McpClientGen.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet suites (a–d) with the given arguments, then the token-stampede measurement (e), and
/// copies the markdown reports to <c>results/</c>. <c>--stampede-only</c> runs only (e); <c>--no-stampede</c> skips it.
/// <c>--throughput</c> runs only the throughput measurement (<see cref="ThroughputMeasurement"/>; <c>--throughput-seconds</c>,
/// <c>--throughput-callers</c>, <c>--throughput-rounds</c>) and writes <c>results/throughput.md</c>.
/// Exits 1 when a benchmark failed, a stampede wave missed its target (one token request, no failed caller), or a
/// throughput call failed.
/// </summary>
internal static class Entry
{
    public static async Task<int> Main(string[] args)
    {
        var projectDirectory = ProjectDirectory();
        var resultsDirectory = Path.Combine(projectDirectory, "results");
        Directory.CreateDirectory(resultsDirectory);

        if (args.Contains("--throughput"))
        {
            var (report, failedCalls) = await ThroughputMeasurement.RunAsync(ThroughputMeasurement.Options.Parse(args));
            await WriteReportAsync(Path.Combine(resultsDirectory, "throughput.md"), report);
            if (failedCalls > 0)
            {
                Console.Error.WriteLine($"{failedCalls} throughput call(s) failed; see the report.");
                return 1;
            }

            return 0;
        }

        var stampedeOnly = args.Contains("--stampede-only");
        var noStampede = args.Contains("--no-stampede");
        var bdnArgs = args.Where(arg => arg is not ("--stampede-only" or "--no-stampede")).ToArray();

        if (!stampedeOnly)
        {
            var artifacts = Path.Combine(projectDirectory, "BenchmarkDotNet.Artifacts");
            var config = DefaultConfig.Instance.WithArtifactsPath(artifacts);
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Entry).Assembly).Run(bdnArgs, config);
            foreach (var summary in summaries)
            {
                // Only the classes that ran: reports of earlier runs stay in the artifacts folder and must not come back.
                foreach (var type in summary.BenchmarksCases.Select(benchmark => benchmark.Descriptor.Type).Distinct())
                {
                    var name = type.FullName + "-report-github.md";
                    File.Copy(Path.Combine(summary.ResultsDirectoryPath, name), Path.Combine(resultsDirectory, name), overwrite: true);
                }
            }

            if (summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)))
            {
                Console.Error.WriteLine("Some benchmarks failed; see the log above.");
                return 1;
            }
        }

        if (!noStampede)
        {
            var (markdown, failures) = await StampedeMeasurement.RunAsync();
            await WriteReportAsync(Path.Combine(resultsDirectory, "stampede.md"), markdown);

            // The report says so too, but a run that missed the target must not look like a passing one to CI.
            if (failures.Count > 0)
            {
                Console.Error.WriteLine($"The stampede missed its target in {failures.Count} wave(s): {string.Join("; ", failures)}.");
                return 1;
            }
        }

        return 0;
    }

    private static async Task WriteReportAsync(string path, string markdown)
    {
        await File.WriteAllTextAsync(path, markdown);
        Console.WriteLine(markdown);
        Console.WriteLine($"Written to {path}");
    }

    private static string ProjectDirectory([CallerFilePath] string sourceFile = "") => Path.GetDirectoryName(sourceFile)!;
}
