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
            DemoInterface,
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
    public Task MCPGEN010_an_unresolved_ref_through_the_schemas_own_id_is_local_not_another_document() =>
        Verify(
            DemoInterface,
            [("/schemas/demo.mcp.json", """
                {"tools":[{"name":"t","inputSchema":{"$id":"https://example.com/t.json","type":"object","properties":{
                "missing":{"$ref":"https://example.com/t.json#/$defs/missing"}
                }}}]}
                """)],
            new DiagnosticResult("MCPGEN010", DiagnosticSeverity.Warning)
                .WithSpan("/schemas/demo.mcp.json", 2, 11, 2, 63)
                .WithArguments("https://example.com/t.json#/$defs/missing", "t"));

    /// <summary>
    /// Only schemas declare anchors: an <c>$anchor</c> inside a value (<c>examples</c>, <c>default</c>, <c>const</c>) is
    /// data, and one inside a subschema with its own <c>$id</c> belongs to that resource. A schema reached through
    /// <c>$defs</c> and <c>items</c> does declare one.
    /// </summary>
    [Fact]
    public Task MCPGEN010_an_anchor_in_a_value_or_in_another_resource_is_no_ref_target() =>
        Verify(
            DemoInterface,
            [("/schemas/demo.mcp.json", """
                {"tools":[{"name":"t","inputSchema":{"type":"object","examples":[{"$anchor":"example","type":"object","properties":{"a":{"type":"string"}}}],
                "$defs":{"other":{"$id":"https://example.com/other.json","$defs":{"o":{"$anchor":"inner","type":"object","properties":{"a":{"type":"string"}}}}},
                "list":{"type":"array","items":{"$anchor":"deep","type":"object","properties":{"a":{"type":"string"}}}}},
                "properties":{
                "fromExample":{"$ref":"#example"},
                "fromDefault":{"$ref":"#value","default":{"$anchor":"value","type":"object","properties":{"a":{"type":"string"}}}},
                "fromConst":{"$ref":"#fixed","const":{"$anchor":"fixed"}},
                "fromOtherResource":{"$ref":"#inner"},
                "deep":{"$ref":"#deep"}
                }}}]}
                """)],
            new DiagnosticResult("MCPGEN010", DiagnosticSeverity.Warning)
                .WithSpan("/schemas/demo.mcp.json", 5, 15, 5, 34)
                .WithArguments("#example", "t"),
            new DiagnosticResult("MCPGEN010", DiagnosticSeverity.Warning)
                .WithSpan("/schemas/demo.mcp.json", 6, 15, 6, 115)
                .WithArguments("#value", "t"),
            new DiagnosticResult("MCPGEN010", DiagnosticSeverity.Warning)
                .WithSpan("/schemas/demo.mcp.json", 7, 13, 7, 58)
                .WithArguments("#fixed", "t"),
            new DiagnosticResult("MCPGEN010", DiagnosticSeverity.Warning)
                .WithSpan("/schemas/demo.mcp.json", 8, 21, 8, 38)
                .WithArguments("#inner", "t"));

    [Fact]
    public Task A_ref_to_an_anchor_resolves_without_a_diagnostic() =>
        Verify(
            DemoInterface,
            [("/schemas/demo.mcp.json", """
                {"tools":[{"name":"t","inputSchema":{"type":"object","$defs":{"p":{"$anchor":"place","type":"object","properties":{"city":{"type":"string"}}}},
                "properties":{"home":{"$ref":"#place"}}}}]}
                """)]);
}
