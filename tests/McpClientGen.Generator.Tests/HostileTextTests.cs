using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Tests;

/// <summary>
/// Server text lands in doc comments, string literals and identifiers. Whatever it contains — every character C#
/// ends a line at, control characters, lone surrogates, XML and comment syntax — the output must compile cleanly.
/// </summary>
public sealed class HostileTextTests
{
    public static TheoryData<string> Texts() =>
    [
        @"line\nbreak", @"carriage\rreturn", @"next\u0085line", @"line\u2028separator", @"paragraph\u2029separator",
        @"control\u0001char", @"lone\ud800surrogate", @"pair\ud83d\ude00emoji", @"*/ </summary> <c> & ]]>",
        @"quote\""and\\backslash", @"tab\tchar", @"nul\u0000char", @"\uffff",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_in_every_position_compiles_cleanly(string jsonText)
    {
        var snapshot = $$$"""
            {"tools":[{
              "name":"tool {{{jsonText}}}",
              "title":"{{{jsonText}}}",
              "description":"{{{jsonText}}}",
              "inputSchema":{"type":"object","properties":{
                "p {{{jsonText}}}":{"type":"string","description":"{{{jsonText}}}","default":"{{{jsonText}}}"},
                "e":{"type":"string","enum":["{{{jsonText}}}","x"],"title":"{{{jsonText}}}","description":"{{{jsonText}}}"}
              },"required":["p {{{jsonText}}}"]},
              "outputSchema":{"type":"object","description":"{{{jsonText}}}","properties":{"r {{{jsonText}}}":{"type":"string","description":"{{{jsonText}}}"} } }
            }]}
            """;

        AssertCompilesCleanly(snapshot, methodNames: 1);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_in_every_position_of_resources_and_templates_compiles_cleanly(string jsonText)
    {
        var snapshot = $$$"""
            {"tools":[],
             "resources":[{"uri":"demo://r {{{jsonText}}}","name":"r {{{jsonText}}}","title":"{{{jsonText}}}","description":"{{{jsonText}}}","mimeType":"{{{jsonText}}}"}],
             "resourceTemplates":[{"uriTemplate":"demo://t {{{jsonText}}}/{v}{?q}","name":"t {{{jsonText}}}","title":"{{{jsonText}}}","description":"{{{jsonText}}}","mimeType":"{{{jsonText}}}"}]}
            """;

        AssertCompilesCleanly(snapshot, methodNames: 2);
    }

    /// <summary>Generates a client from <paramref name="snapshot"/>: no warning anywhere, and the methods it should have.</summary>
    private static void AssertCompilesCleanly(string snapshot, int methodNames)
    {
        var (output, generatorDiagnostics, driver) = GeneratorHarness.Run(
            """
            [McpClientGen.McpClient("hostile")]
            public partial interface IHostileClient;
            """,
            new InMemoryAdditionalText("/schemas/hostile.mcp.json", snapshot));

        Assert.Null(driver.GetRunResult().Results.Single().Exception);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(methodNames, output.GetTypeByMetadataName("IHostileClient")!.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).Distinct().Count());
    }

    /// <summary>The snapshot's name comes from its file name, which may hold a line break; the file header stays a comment.</summary>
    [Theory]
    [InlineData('\n')]
    [InlineData('\r')]
    [InlineData('\u0085')]
    [InlineData('\u2028')]
    [InlineData('\u2029')]
    public void A_line_break_in_the_snapshot_name_stays_inside_the_header_comment(char lineBreak)
    {
        // The attribute spells the character as an escape; the file name holds it as it is.
        var escaped = $"\\u{(int)lineBreak:X4}";
        var (output, generatorDiagnostics, _) = GeneratorHarness.Run(
            $$"""
            [McpClientGen.McpClient("odd{{escaped}}name")]
            public partial interface IOddClient;
            """,
            new InMemoryAdditionalText($"/schemas/odd{lineBreak}name.mcp.json", """{"tools":[{"name":"ping","inputSchema":{"type":"object"}}]}"""));

        Assert.DoesNotContain(generatorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.NotNull(output.GetTypeByMetadataName("OddClient"));
    }
}
