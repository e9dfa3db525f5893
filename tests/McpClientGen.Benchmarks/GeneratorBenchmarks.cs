using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using McpClientGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace McpClientGen.Benchmarks;

/// <summary>
/// (d) The source generator on synthetic snapshots: a cold run (a new driver, nothing cached) and an incremental run
/// after an unrelated edit (the warm driver of a previous run, one unrelated file changed). The measured drivers do
/// not track steps, as in the compiler; a separate tracked driver checks, in the setup, that the unrelated edit
/// re-emits nothing.
/// </summary>
/// <remarks>
/// Snapshots of 10 to 10,000 tools. BenchmarkDotNet's <c>ShortRun</c> job (one launch, 3 warm-up and 3 measured
/// iterations): a 10,000-tool cold run takes seconds, so one iteration is one run, and the whole class, with its
/// setup checks (a few cold runs per size), finishes in a few minutes.
/// </remarks>
[MemoryDiagnoser]
[ShortRunJob]
public class GeneratorBenchmarks
{
    private const string Interface = """
        namespace App;

        [McpClientGen.McpClient("synthetic")]
        public partial interface ISyntheticClient;
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private ImmutableArray<AdditionalText> _additionalTexts;
    private GeneratorDriver _warm = null!;

    [Params(10, 100, 1000, 10_000)]
    public int Tools { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _additionalTexts = [new InMemoryAdditionalText("/schemas/synthetic.mcp.json", SyntheticSnapshot.Create(Tools))];
        _compilation = CSharpCompilation.Create(
            "Consumer",
            [
                CSharpSyntaxTree.ParseText(Interface, ParseOptions, path: "Interface.cs"),
                CSharpSyntaxTree.ParseText("namespace App; public class Other { }", ParseOptions, path: "Other.cs"),
            ],
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _edited = _compilation.ReplaceSyntaxTree(
            _compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("namespace App; public class Other { public int Changed; }", ParseOptions, path: "Other.cs"));

        CheckCold();
        CheckIncremental();
        _warm = Driver(track: false).RunGenerators(_compilation);
    }

    [Benchmark(Baseline = true, Description = "cold (new driver)")]
    public GeneratorDriver Cold() => Driver(track: false).RunGenerators(_compilation);

    [Benchmark(Description = "incremental (unrelated edit)")]
    public GeneratorDriver Incremental() => _warm.RunGenerators(_edited);

    private GeneratorDriver Driver(bool track) =>
        CSharpGeneratorDriver.Create(
            [new McpClientGenerator().AsSourceGenerator()],
            _additionalTexts,
            ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary>The cold run emits a client with every tool and no errors.</summary>
    private void CheckCold()
    {
        var result = Driver(track: false).RunGenerators(_compilation).GetRunResult();
        var errors = result.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Generator errors: {string.Join("; ", errors)}");
        }

        var text = string.Concat(result.Results.Single().GeneratedSources.Select(source => source.SourceText.ToString()));
        // Wire names are kept exactly in the generated code: the last tool's must be there.
        var lastTool = $"\"{SyntheticSnapshot.ToolName(Tools - 1)}\"";
        if (!text.Contains(lastTool, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The generated client lacks the last tool ({lastTool}).");
        }
    }

    /// <summary>After the unrelated edit every tracked output is cached or unchanged: nothing is re-emitted.</summary>
    private void CheckIncremental()
    {
        var driver = Driver(track: true).RunGenerators(_compilation);
        var result = driver.RunGenerators(_edited).GetRunResult().Results.Single();
        var outputs = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs)
            .Concat(result.TrackedSteps["Clients"].SelectMany(run => run.Outputs))
            .Concat(result.TrackedSteps["Snapshots"].SelectMany(run => run.Outputs))
            .ToList();
        var changed = outputs.Where(output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).ToList();
        if (outputs.Count == 0 || changed.Count > 0)
        {
            throw new InvalidOperationException(
                $"The unrelated edit re-ran {changed.Count} of {outputs.Count} outputs: {string.Join(", ", changed.Select(output => output.Reason).Distinct())}");
        }

        Console.WriteLine($"// Incremental sanity check ({Tools} tools): {outputs.Count} tracked outputs, all cached or unchanged.");
    }

    /// <summary>The framework and the McpClientGen runtime with its dependencies, as the generator tests use them.</summary>
    private static ImmutableArray<MetadataReference> References()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var runtimeDirectory = Path.GetDirectoryName(typeof(McpConnection).Assembly.Location)!;
        return [.. trusted
            .Concat(Directory.GetFiles(runtimeDirectory, "*.dll"))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(group => (MetadataReference)MetadataReference.CreateFromFile(group.First()))];
    }
}

/// <summary>An additional file held in memory.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}
