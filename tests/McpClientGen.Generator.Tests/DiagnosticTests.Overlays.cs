using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace McpClientGen.Generator.Tests;

/// <summary>The overlay diagnostics (MCPGEN024–029): each at its exact place in the overlay file.</summary>
public sealed partial class DiagnosticTests
{
    private const string DemoInterface = """
        [McpClientGen.McpClient("demo")]
        public partial interface IDemoClient;
        """;

    private const string OverlaidSnapshot = """
        {"tools":[
          {"name":"get","inputSchema":{"type":"object","properties":{"id":{"type":"string"},"n":{"type":"number"}}}},
          {"name":"typed","inputSchema":{"type":"object"},"outputSchema":{"type":"object","properties":{"a":{"type":"string"}}}}
        ]}
        """;

    private const string OverlayPath = "/schemas/demo.overlay.json";

    [Fact]
    public Task MCPGEN024_overlay_that_is_not_json_points_at_line_and_column() =>
        VerifyOverlay(
            "{\n  \"tools\": {\n    \"get\": { , }\n  }\n}",
            new DiagnosticResult("MCPGEN024", DiagnosticSeverity.Error)
                .WithSpan(OverlayPath, 3, 14, 3, 14)
                .WithArguments("demo.overlay.json", "it is not valid JSON: Unexpected character ','; expected a property name in double quotes. (line 3, column 14)"));

    [Fact]
    public Task MCPGEN024_tools_that_are_not_an_object_point_at_them() =>
        VerifyOverlay(
            """{"tools":[]}""",
            new DiagnosticResult("MCPGEN024", DiagnosticSeverity.Error)
                .WithSpan(OverlayPath, 1, 10, 1, 12)
                .WithArguments("demo.overlay.json", "'tools' must be an object keyed by tool name"));

    [Fact]
    public Task MCPGEN024_unknown_member_of_a_tool_entry_points_at_its_name() =>
        VerifyOverlay(
            """{"tools":{"get":{"outputschema":{}}}}""",
            new DiagnosticResult("MCPGEN024", DiagnosticSeverity.Error)
                .WithSpan(OverlayPath, 1, 18, 1, 32)
                .WithArguments("demo.overlay.json", "'outputschema' cannot be refined; an entry for tool 'get' holds 'outputSchema' and 'inputSchema'"));

    [Fact]
    public Task MCPGEN025_overlay_for_a_tool_the_snapshot_lacks_is_a_warning_at_the_name() =>
        VerifyOverlay(
            """{"tools":{"gone":{}}}""",
            new DiagnosticResult("MCPGEN025", DiagnosticSeverity.Warning)
                .WithSpan(OverlayPath, 1, 11, 1, 17)
                .WithArguments("demo.overlay.json", "gone", "demo"));

    [Fact]
    public Task MCPGEN026_refinement_of_a_property_the_tool_lacks_is_a_warning_at_the_name() =>
        VerifyOverlay(
            """{"tools":{"get":{"inputSchema":{"properties":{"idd":{"type":"integer"}}}}}}""",
            new DiagnosticResult("MCPGEN026", DiagnosticSeverity.Warning)
                .WithSpan(OverlayPath, 1, 47, 1, 52)
                .WithArguments("demo.overlay.json", "idd", "get", "id, n"));

    [Fact]
    public Task MCPGEN027_refinement_that_changes_a_type_is_an_error_at_the_value() =>
        VerifyOverlay(
            """{"tools":{"get":{"inputSchema":{"properties":{"id":{"type":"integer"}}}}}}""",
            new DiagnosticResult("MCPGEN027", DiagnosticSeverity.Error)
                .WithSpan(OverlayPath, 1, 60, 1, 69)
                .WithArguments(
                    "demo.overlay.json",
                    "id",
                    "get",
                    "'type' is \"string\" in the snapshot, and \"integer\" is not the same; an overlay may only narrow \"number\" to \"integer\""));

    [Fact]
    public Task MCPGEN028_output_schema_for_a_tool_that_publishes_one_is_a_warning_at_its_name() =>
        VerifyOverlay(
            """{"tools":{"typed":{"outputSchema":{"type":"object"}}}}""",
            new DiagnosticResult("MCPGEN028", DiagnosticSeverity.Warning)
                .WithSpan(OverlayPath, 1, 20, 1, 34)
                .WithArguments("demo.overlay.json", "typed"));

    [Fact]
    public Task MCPGEN029_overlay_without_a_snapshot_beside_it_is_a_warning_at_the_file() =>
        Verify(
            DemoInterface,
            [("/schemas/demo.mcp.json", OverlaidSnapshot), ("/schemas/other.overlay.json", """{"tools":{}}"""), ("/elsewhere/demo.overlay.json", """{"tools":{}}""")],
            new DiagnosticResult("MCPGEN029", DiagnosticSeverity.Warning)
                .WithSpan("/elsewhere/demo.overlay.json", 1, 1, 1, 1)
                .WithArguments("demo.overlay.json", "demo.mcp.json"),
            new DiagnosticResult("MCPGEN029", DiagnosticSeverity.Warning)
                .WithSpan("/schemas/other.overlay.json", 1, 1, 1, 1)
                .WithArguments("other.overlay.json", "other.mcp.json"));

    [Fact]
    public Task A_problem_in_an_overlay_schema_is_reported_in_the_overlay_file() =>
        VerifyOverlay(
            """{"tools":{"get":{"outputSchema":{"type":"object","properties":{"x":{"$ref":"#/$defs/Missing"}}}}}}""",
            new DiagnosticResult("MCPGEN010", DiagnosticSeverity.Warning)
                .WithSpan(OverlayPath, 1, 68, 1, 94)
                .WithArguments("#/$defs/Missing", "get"));

    /// <summary>An invalid tool that a declared method needs keeps its overlay entry's diagnostics: they may be the fix.</summary>
    [Fact]
    public Task An_invalid_tool_a_declared_method_needs_keeps_its_overlay_diagnostics() =>
        Verify(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient
            {
                [McpClientGen.McpTool({|#0:"get"|})]
                System.Threading.Tasks.Task GetAsync(string id);
            }
            """,
            [
                ("/schemas/demo.mcp.json", """{"tools":[{"name":"get","inputSchema":{"type":"object","properties":{"id":{"type":"string"}}},"outputSchema":true}]}"""),
                (OverlayPath, """{"tools":{"get":{"inputSchema":{"properties":{"idd":{"type":"integer"}}}}}}"""),
            ],
            new DiagnosticResult("MCPGEN004", DiagnosticSeverity.Error)
                .WithSpan("/schemas/demo.mcp.json", 1, 110, 1, 114)
                .WithArguments("demo", "the 'outputSchema' of tool 'get' must be an object"),
            new DiagnosticResult("MCPGEN026", DiagnosticSeverity.Warning)
                .WithSpan(OverlayPath, 1, 47, 1, 52)
                .WithArguments("demo.overlay.json", "idd", "get", "id"),
            new DiagnosticResult("MCPGEN031", DiagnosticSeverity.Error)
                .WithLocation(0)
                .WithArguments("get", "demo", "the 'outputSchema' of tool 'get' must be an object"));

    private static Task VerifyOverlay(string overlay, params DiagnosticResult[] expected) =>
        Verify(DemoInterface, [("/schemas/demo.mcp.json", OverlaidSnapshot), (OverlayPath, overlay)], expected);
}
