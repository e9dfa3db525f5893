using System.Collections.Immutable;
using System.Globalization;
using McpClientGen.Testing;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace McpClientGen.Generator.Tests;

/// <summary>
/// Feeds the generator seeded random mutations of real snapshots and of the overlays beside them. Whatever the input, the generator must not
/// throw (which the compiler would report as CS8785), must not hang, and each document must give either code that
/// compiles or an error diagnostic that explains why not. One run keeps a fixed seed, so what it covers never
/// shifts; the other takes a new seed each time, so runs together cover more. The seed is in every failure
/// message, and <c>MCPGEN_FUZZ_SEED</c> replays it in the varying run.
/// </summary>
public sealed partial class GeneratorFuzzTests(ITestOutputHelper log)
{
    private const int Cases = 1000;

    private const int FixedSeed = 20261126;

    /// <summary>
    /// Far above the milliseconds a document takes, even on a busy two-core machine: reaching it means a hang, not
    /// a slow run. It bounds each document on its own, so one slow neighbour cannot fail another.
    /// </summary>
    private static readonly TimeSpan DocumentTimeLimit = TimeSpan.FromSeconds(30);

    private const string Interface = """
        namespace Fuzz;

        [McpClientGen.McpClient("fuzz")]
        public partial interface IFuzzClient;
        """;

    [Fact]
    public void Mutated_snapshots_from_the_fixed_seed_never_crash_or_hang_the_generator_and_always_compile_or_explain() =>
        Fuzz(FixedSeed, "fixed seed");

    [Fact]
    public void Mutated_snapshots_from_a_new_seed_never_crash_or_hang_the_generator_and_always_compile_or_explain() =>
        Fuzz(
            Environment.GetEnvironmentVariable("MCPGEN_FUZZ_SEED") is { } replay ? int.Parse(replay, CultureInfo.InvariantCulture) : Random.Shared.Next(),
            "varying seed; replay it with MCPGEN_FUZZ_SEED");

    private void Fuzz(int seed, string seedKind)
    {
        var random = new Random(seed);
        // Each snapshot with the overlay beside it, if it has one: an overlay only means something to its own snapshot.
        var corpus = Directory.GetFiles(RepositoryPaths.Combine("schemas"), "*.mcp.json")
            .Concat(Directory.GetFiles(RepositoryPaths.Combine("tests", "McpClientGen.Generator.Tests", "Golden"), "*.mcp.json", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(path => (Snapshot: File.ReadAllText(path), Overlay: File.Exists(OverlayPathOf(path)) ? File.ReadAllText(OverlayPathOf(path)) : null))
            .ToArray();
        Assert.Contains(corpus, entry => entry.Overlay is not null);
        var baseCompilation = GeneratorHarness.Compilation(Interface);
        var (compiled, explained, overlaid) = (0, 0, 0);
        log.WriteLine($"seed {seed} ({seedKind})");

        for (var i = 0; i < Cases; i++)
        {
            var (document, overlay) = Mutate(corpus[random.Next(corpus.Length)], random);
            var context = $"case {i} of seed {seed} ({seedKind}); document:\n{document}" + (overlay is null ? "" : $"\noverlay:\n{overlay}");
            overlaid += overlay is null ? 0 : 1;
            var (run, generatorDiagnostics, outputDiagnostics) = RunWithinLimit(baseCompilation, document, overlay, context);

            Assert.True(run.Exception is null, $"The generator threw {run.Exception}\n{context}");
            Assert.False(
                generatorDiagnostics.Any(d => d.Id is "CS8785" or "AD0001"),
                $"The compiler reported a generator failure: {string.Join("\n", generatorDiagnostics)}\n{context}");
            if (generatorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                explained++;
                continue;
            }

            var errors = outputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(errors.Count == 0, $"No generator error, but the output does not compile cleanly:\n{string.Join("\n", errors)}\n{context}");
            compiled++;
        }

        // Both paths must really be exercised, or the mutations have stopped testing anything.
        log.WriteLine($"{Cases} documents ({overlaid} with an overlay), {compiled} compiled cleanly, {explained} explained by an error");
        Assert.True(compiled >= Cases / 10 && explained >= Cases / 10, $"seed {seed} ({seedKind}): {compiled} compiled, {explained} explained by an error");
        Assert.True(overlaid >= Cases / 20, $"seed {seed} ({seedKind}): only {overlaid} documents had an overlay");
    }

    private static string OverlayPathOf(string snapshotPath) =>
        snapshotPath.Substring(0, snapshotPath.Length - ".mcp.json".Length) + ".overlay.json";

    /// <summary>The snapshot, its overlay, or both mutated: each must be survived on its own and together.</summary>
    private static (string Snapshot, string? Overlay) Mutate((string Snapshot, string? Overlay) entry, Random random) =>
        (entry.Overlay, random.Next(3)) switch
        {
            (null, _) => (SnapshotMutator.Mutate(entry.Snapshot, random), null),
            (var overlay, 0) => (SnapshotMutator.Mutate(entry.Snapshot, random), overlay),
            (var overlay, 1) => (entry.Snapshot, SnapshotMutator.Mutate(overlay, random)),
            (var overlay, _) => (SnapshotMutator.Mutate(entry.Snapshot, random), SnapshotMutator.Mutate(overlay, random)),
        };

    /// <summary>
    /// Generates from one document and compiles the output on another thread, failing the test if that does not
    /// finish within <see cref="DocumentTimeLimit"/>. The generator is also asked to stop then, through its token.
    /// </summary>
    private static (GeneratorRunResult Run, ImmutableArray<Diagnostic> GeneratorDiagnostics, ImmutableArray<Diagnostic> OutputDiagnostics) RunWithinLimit(
        Compilation baseCompilation, string document, string? overlay, string context)
    {
        using var limit = new CancellationTokenSource(DocumentTimeLimit);
        var work = Task.Run(
            () =>
            {
                AdditionalText[] files = overlay is null
                    ? [new InMemoryAdditionalText("/schemas/fuzz.mcp.json", document)]
                    : [new InMemoryAdditionalText("/schemas/fuzz.mcp.json", document), new InMemoryAdditionalText("/schemas/fuzz.overlay.json", overlay)];
                var driver = GeneratorHarness.Driver(files)
                    .RunGeneratorsAndUpdateCompilation(baseCompilation, out var output, out var generatorDiagnostics, limit.Token);
                return (driver.GetRunResult().Results.Single(), generatorDiagnostics, output.GetDiagnostics(limit.Token));
            },
            CancellationToken.None);

        try
        {
            // A generator that ignores its token still fails the test here, a moment after the limit.
            if (work.Wait(DocumentTimeLimit + TimeSpan.FromSeconds(5)))
            {
                return work.Result;
            }
        }
        catch (AggregateException exception) when (exception.InnerException is OperationCanceledException)
        {
        }

        throw new TimeoutException($"The document took more than {DocumentTimeLimit.TotalSeconds:0} s to generate and compile: the generator hangs on it.\n{context}");
    }
}
