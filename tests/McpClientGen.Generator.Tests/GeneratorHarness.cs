using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace McpClientGen.Generator.Tests;

/// <summary>
/// Runs the generator in-process against the test host's own framework assemblies (no downloads), for tests
/// that need to compile the output or inspect the incremental pipeline step by step.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var runtimeDirectory = Path.GetDirectoryName(typeof(McpConnection).Assembly.Location)!;
        return trusted
            .Concat(Directory.GetFiles(runtimeDirectory, "*.dll"))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(group => (MetadataReference)MetadataReference.CreateFromFile(group.First()))
            .ToImmutableArray();
    });

    /// <summary>The framework and the McpClientGen runtime with its dependencies.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{index}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(params AdditionalText[] additionalTexts) =>
        CSharpGeneratorDriver.Create(
            [new McpClientGenerator().AsSourceGenerator()],
            additionalTexts,
            ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator and returns the output compilation with every diagnostic.</summary>
    /// <summary>
    /// The methods named <paramref name="name"/> that editors show: without the hidden overloads kept only so that
    /// calls written before progress reports still compile.
    /// </summary>
    public static IEnumerable<IMethodSymbol> VisibleMethods(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IMethodSymbol>()
            .Where(method => !method.GetAttributes().Any(attribute => attribute.AttributeClass?.Name == "EditorBrowsableAttribute"));

    public static (Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriver Driver) Run(
        string source, params AdditionalText[] additionalTexts)
    {
        var driver = Driver(additionalTexts).RunGeneratorsAndUpdateCompilation(Compilation(source), out var output, out var diagnostics);
        return (output, diagnostics, driver);
    }
}

/// <summary>An additional file held in memory.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}
