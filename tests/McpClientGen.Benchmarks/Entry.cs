using System.Runtime.CompilerServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace McpClientGen.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet suites (a–d) with the given arguments, then the token-stampede measurement (e), and
/// copies the markdown reports to <c>results/</c>. <c>--stampede-only</c> runs only (e); <c>--no-stampede</c> skips it.
/// Exits 1 when a benchmark failed or a stampede wave missed its target (one token request, no failed caller).
/// </summary>
internal static class Entry
{
    public static async Task<int> Main(string[] args)
    {
        var projectDirectory = ProjectDirectory();
        var resultsDirectory = Path.Combine(projectDirectory, "results");
        Directory.CreateDirectory(resultsDirectory);

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
                foreach (var report in Directory.GetFiles(summary.ResultsDirectoryPath, "*-report-github.md"))
                {
                    File.Copy(report, Path.Combine(resultsDirectory, Path.GetFileName(report)), overwrite: true);
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
            var path = Path.Combine(resultsDirectory, "stampede.md");
            await File.WriteAllTextAsync(path, markdown);
            Console.WriteLine(markdown);
            Console.WriteLine($"Written to {path}");

            // The report says so too, but a run that missed the target must not look like a passing one to CI.
            if (failures.Count > 0)
            {
                Console.Error.WriteLine($"The stampede missed its target in {failures.Count} wave(s): {string.Join("; ", failures)}.");
                return 1;
            }
        }

        return 0;
    }

    private static string ProjectDirectory([CallerFilePath] string sourceFile = "") => Path.GetDirectoryName(sourceFile)!;
}
