using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Tests;

/// <summary>
/// Mutations confined to a snapshot's <c>prompts</c>, <c>resources</c> or <c>resourceTemplates</c> array. Those
/// entries are optional: whatever is wrong with them, the generator must not throw, and unless the document stops
/// being JSON at all, it reports only warnings (the entry is skipped) and the output compiles cleanly.
/// </summary>
public sealed partial class GeneratorFuzzTests
{
    private const int EntryCases = 600;

    /// <summary>
    /// The one error a mutation confined to an entry array may bring: the document is no longer JSON. The text around
    /// the array is untouched, so the snapshot's shape (MCPGEN004) and its tools cannot be what is wrong.
    /// </summary>
    private const string NotJsonId = "MCPGEN002";

    /// <summary>The ids a broken entry reports when it is skipped.</summary>
    private static readonly string[] SkippedEntryIds = ["MCPGEN034", "MCPGEN035", "MCPGEN036"];

    [Fact]
    public void Mutated_prompts_resources_and_templates_from_the_fixed_seed_only_ever_skip_entries() =>
        FuzzEntries(FixedSeed, "fixed seed");

    [Fact]
    public void Mutated_prompts_resources_and_templates_from_a_new_seed_only_ever_skip_entries() =>
        FuzzEntries(
            Environment.GetEnvironmentVariable("MCPGEN_FUZZ_SEED") is { } replay ? int.Parse(replay, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next(),
            "varying seed; replay it with MCPGEN_FUZZ_SEED");

    private void FuzzEntries(int seed, string seedKind)
    {
        var random = new Random(seed);
        var corpus = Directory.GetFiles(McpClientGen.Testing.RepositoryPaths.Combine("schemas"), "*.mcp.json")
            .Concat(Directory.GetFiles(McpClientGen.Testing.RepositoryPaths.Combine("tests", "McpClientGen.Generator.Tests", "Golden"), "*.mcp.json", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .Where(text => SnapshotMutator.EntryArrays.Any(name => text.Contains($"\"{name}\":", StringComparison.Ordinal)))
            .ToArray();
        foreach (var name in SnapshotMutator.EntryArrays)
        {
            Assert.Contains(corpus, text => text.Contains($"\"{name}\":", StringComparison.Ordinal));
        }

        var baseCompilation = GeneratorHarness.Compilation(Interface);
        var (compiled, skipped, broken) = (0, 0, 0);
        log.WriteLine($"seed {seed} ({seedKind})");
        for (var i = 0; i < EntryCases; i++)
        {
            var document = SnapshotMutator.MutateEntries(corpus[random.Next(corpus.Length)], random)!;
            var context = $"case {i} of seed {seed} ({seedKind}); document:\n{document}";
            var (run, generatorDiagnostics, outputDiagnostics) = RunWithinLimit(baseCompilation, document, null, context);

            Assert.True(run.Exception is null, $"The generator threw {run.Exception}\n{context}");
            var errors = generatorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                Assert.True(errors.All(d => d.Id == NotJsonId), $"A broken entry failed the build:\n{string.Join("\n", errors)}\n{context}");
                broken++;
                continue;
            }

            var problems = outputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0, $"No generator error, but the output does not compile cleanly:\n{string.Join("\n", problems)}\n{context}");
            compiled++;
            skipped += generatorDiagnostics.Any(d => SkippedEntryIds.Contains(d.Id)) ? 1 : 0;
        }

        // The mutations must reach the entry readers, not only break the JSON around them.
        log.WriteLine($"{EntryCases} documents: {compiled} compiled cleanly ({skipped} with a skipped entry), {broken} no longer JSON");
        Assert.True(compiled >= EntryCases / 4 && skipped >= EntryCases / 10, $"seed {seed} ({seedKind}): {compiled} compiled, {skipped} skipped an entry, {broken} broken");
    }
}
