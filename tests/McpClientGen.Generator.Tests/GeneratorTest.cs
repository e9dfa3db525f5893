using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace McpClientGen.Generator.Tests;

/// <summary>
/// The SourceGenerators.Testing harness set up for McpClientGen: the test host's own framework assemblies plus
/// the runtime package's (nothing downloaded), C# 12 (what a .NET 8 consumer compiles with).
/// </summary>
internal sealed class GeneratorTest : CSharpSourceGeneratorTest<McpClientGenerator, DefaultVerifier>
{
    public GeneratorTest()
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
    }

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp12);
}
