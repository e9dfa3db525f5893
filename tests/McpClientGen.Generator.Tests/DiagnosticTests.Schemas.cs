using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace McpClientGen.Generator.Tests;

/// <summary>
/// JSON Schema 2020-12 keywords with no C# type: each is MCPGEN005 at the schema that uses it, saying which keyword
/// and why; only a local <c>$ref</c> that resolves nowhere is a warning (MCPGEN010).
/// </summary>
public sealed partial class DiagnosticTests
{
    /// <summary>One property a line, so each diagnostic's span is that line's schema.</summary>
    private const string KeywordsSnapshot = """
        {"tools":[{"name":"t","inputSchema":{"type":"object","properties":{
        "remote":{"$ref":"https://example.com/s.json"},
        "relative":{"$ref":"other.json#/$defs/x"},
        "dynamic":{"$dynamicRef":"#node"},
        "pair":{"type":"array","prefixItems":[{"type":"string"},{"type":"integer"}]},
        "empty":{"const":null},
        "missing":{"$ref":"#/$defs/missing"}
        }}}]}
        """;

    [Fact]
    public Task MCPGEN005_names_each_2020_12_keyword_that_stays_JSON_at_its_schema() =>
        Verify(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", KeywordsSnapshot)],
            new DiagnosticResult("MCPGEN005", DiagnosticSeverity.Info)
                .WithSpan("/schemas/demo.mcp.json", 2, 10, 2, 47)
                .WithArguments("remote", "t", "the $ref 'https://example.com/s.json' points into another document, which is never fetched"),
            new DiagnosticResult("MCPGEN005", DiagnosticSeverity.Info)
                .WithSpan("/schemas/demo.mcp.json", 3, 12, 3, 42)
                .WithArguments("relative", "t", "the $ref 'other.json#/$defs/x' points into another document, which is never fetched"),
            new DiagnosticResult("MCPGEN005", DiagnosticSeverity.Info)
                .WithSpan("/schemas/demo.mcp.json", 4, 11, 4, 34)
                .WithArguments("dynamic", "t", "the $dynamicRef '#node' is resolved while a value is validated, so it has no fixed type"),
            new DiagnosticResult("MCPGEN005", DiagnosticSeverity.Info)
                .WithSpan("/schemas/demo.mcp.json", 5, 8, 5, 77)
                .WithArguments("pair", "t", "a tuple ('prefixItems') whose items do not all have one schema has no C# counterpart"),
            new DiagnosticResult("MCPGEN005", DiagnosticSeverity.Info)
                .WithSpan("/schemas/demo.mcp.json", 6, 9, 6, 23)
                .WithArguments("empty", "t", "its const value is null"),
            new DiagnosticResult("MCPGEN010", DiagnosticSeverity.Warning)
                .WithSpan("/schemas/demo.mcp.json", 7, 11, 7, 37)
                .WithArguments("#/$defs/missing", "t"));

    [Fact]
    public Task A_ref_to_an_anchor_resolves_without_a_diagnostic() =>
        Verify(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", """
                {"tools":[{"name":"t","inputSchema":{"type":"object","$defs":{"p":{"$anchor":"place","type":"object","properties":{"city":{"type":"string"}}}},
                "properties":{"home":{"$ref":"#place"}}}}]}
                """)]);
}
