using Xunit.Abstractions;
using Microsoft.CodeAnalysis;
using McpClientGen.Testing;

namespace McpClientGen.Generator.Tests;

/// <summary>
/// Feeds the generator seeded random mutations of real snapshots. Whatever the input, the generator must not
/// throw (which the compiler would report as CS8785), and each document must give either code that compiles
/// or an error diagnostic that explains why not. The seed is in every failure message, so a failure replays.
/// </summary>
public sealed class GeneratorFuzzTests(ITestOutputHelper log)
{
    private const int Cases = 1000;

    private const string Interface = """
        namespace Fuzz;

        [McpClientGen.McpClient("fuzz")]
        public partial interface IFuzzClient;
        """;

    [Fact]
    public void Mutated_snapshots_never_crash_the_generator_and_always_compile_or_explain()
    {
        var seed = Environment.GetEnvironmentVariable("MCPGEN_FUZZ_SEED") is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 20261126;
        var random = new Random(seed);
        var corpus = Directory.GetFiles(RepositoryPaths.Combine("schemas"), "*.mcp.json")
            .Concat(Directory.GetFiles(RepositoryPaths.Combine("tests", "McpClientGen.Generator.Tests", "Golden"), "*.mcp.json", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray();
        var baseCompilation = GeneratorHarness.Compilation(Interface);
        var (compiled, explained) = (0, 0);

        for (var i = 0; i < Cases; i++)
        {
            var document = SnapshotMutator.Mutate(corpus[random.Next(corpus.Length)], random);
            var driver = GeneratorHarness.Driver(new InMemoryAdditionalText("/schemas/fuzz.mcp.json", document))
                .RunGeneratorsAndUpdateCompilation(baseCompilation, out var output, out var generatorDiagnostics);
            var run = driver.GetRunResult().Results.Single();

            var context = $"case {i} of seed {seed} (replay with MCPGEN_FUZZ_SEED={seed}); document:\n{document}";
            Assert.True(run.Exception is null, $"The generator threw {run.Exception}\n{context}");
            Assert.False(
                generatorDiagnostics.Any(d => d.Id is "CS8785" or "AD0001"),
                $"The compiler reported a generator failure: {string.Join("\n", generatorDiagnostics)}\n{context}");
            if (generatorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                explained++;
                continue;
            }

            var errors = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(errors.Count == 0, $"No generator error, but the output does not compile cleanly:\n{string.Join("\n", errors)}\n{context}");
            compiled++;
        }

        // Both paths must really be exercised, or the mutations have stopped testing anything.
        log.WriteLine($"seed {seed}: {Cases} documents, {compiled} compiled cleanly, {explained} explained by an error");
        Assert.True(compiled >= Cases / 10 && explained >= Cases / 10, $"seed {seed}: {compiled} compiled, {explained} explained by an error");
    }
}
