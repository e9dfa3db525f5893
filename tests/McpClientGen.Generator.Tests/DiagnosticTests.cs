using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace McpClientGen.Generator.Tests;

/// <summary>One test per diagnostic: the right id, message arguments and exact location.</summary>
public sealed class DiagnosticTests
{
    private const string ValidSnapshot = """
        {"tools":[{"name":"ping","inputSchema":{"type":"object"}}]}
        """;

    [Fact]
    public Task MCPGEN001_snapshot_not_found_points_at_the_attribute_argument() =>
        Verify(
            """
            [McpClientGen.McpClient({|#0:"missing"|})]
            public partial interface IMissingClient;
            """,
            [("/schemas/other.mcp.json", ValidSnapshot)],
            new DiagnosticResult("MCPGEN001", DiagnosticSeverity.Error).WithLocation(0).WithArguments("missing"));

    [Fact]
    public Task MCPGEN002_invalid_json_points_at_line_and_column() =>
        Verify(
            """
            [McpClientGen.McpClient("broken")]
            public partial interface IBrokenClient;
            """,
            [("/schemas/broken.mcp.json", "{\n  \"tools\": [\n    { \"name\": \"a\", }\n  ]\n}")],
            new DiagnosticResult("MCPGEN002", DiagnosticSeverity.Error)
                .WithSpan("/schemas/broken.mcp.json", 3, 20, 3, 20)
                .WithArguments("broken", "Unexpected character '}'; expected a property name in double quotes. (line 3, column 20)"));

    [Fact]
    public Task MCPGEN003_interface_not_partial_points_at_its_name() =>
        Verify(
            """
            [McpClientGen.McpClient("demo")]
            public interface {|#0:IDemoClient|};
            """,
            [("/schemas/demo.mcp.json", ValidSnapshot)],
            new DiagnosticResult("MCPGEN003", DiagnosticSeverity.Error).WithLocation(0).WithArguments("IDemoClient"));

    [Fact]
    public Task MCPGEN004_tool_without_input_schema_points_at_the_tool() =>
        Verify(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", """{"tools":[{"name":"ping"}]}""")],
            new DiagnosticResult("MCPGEN004", DiagnosticSeverity.Error)
                .WithSpan("/schemas/demo.mcp.json", 1, 11, 1, 26)
                .WithArguments("demo", "tool 'ping' has no 'inputSchema' object"));

    [Fact]
    public Task MCPGEN004_missing_tools_array_points_at_the_root() =>
        Verify(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", """{"server":{}}""")],
            new DiagnosticResult("MCPGEN004", DiagnosticSeverity.Error)
                .WithSpan("/schemas/demo.mcp.json", 1, 1, 1, 14)
                .WithArguments("demo", "expected an array of tools, or an object with a 'tools' array"));

    [Fact]
    public Task MCPGEN005_unmapped_schema_is_info_and_points_at_the_schema()
    {
        var test = Test(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", """{"tools":[{"name":"put","inputSchema":{"type":"object","properties":{"value":{"type":["string","integer"]}}}}]}""")],
            new DiagnosticResult("MCPGEN005", DiagnosticSeverity.Info)
                .WithSpan("/schemas/demo.mcp.json", 1, 78, 1, 107)
                .WithArguments("value", "put", "it allows several types (string, integer)"));
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        return test.RunAsync();
    }

    [Fact]
    public Task MCPGEN006_empty_snapshot_name_points_at_the_argument() =>
        Verify(
            """
            [McpClientGen.McpClient({|#0:""|})]
            public partial interface IDemoClient;
            """,
            [],
            new DiagnosticResult("MCPGEN006", DiagnosticSeverity.Error).WithLocation(0));

    [Fact]
    public Task MCPGEN007_two_snapshots_with_one_name_are_ambiguous() =>
        Verify(
            """
            [McpClientGen.McpClient({|#0:"demo"|})]
            public partial interface IDemoClient;
            """,
            [("/a/demo.mcp.json", ValidSnapshot), ("/b/demo.mcp.json", ValidSnapshot)],
            new DiagnosticResult("MCPGEN007", DiagnosticSeverity.Error).WithLocation(0).WithArguments("demo", "/a/demo.mcp.json, /b/demo.mcp.json"));

    [Fact]
    public Task MCPGEN008_nested_interface_points_at_its_name() =>
        Verify(
            """
            public static class Outer
            {
                [McpClientGen.McpClient("demo")]
                public partial interface {|#0:IDemoClient|} { }
            }
            """,
            [("/schemas/demo.mcp.json", ValidSnapshot)],
            new DiagnosticResult("MCPGEN008", DiagnosticSeverity.Error).WithLocation(0).WithArguments("IDemoClient"));

    private static Task Verify(string source, (string Path, string Text)[] files, params DiagnosticResult[] expected)
    {
        var test = Test(source, files, expected);
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        return test.RunAsync();
    }

    private static GeneratorTest Test(string source, (string Path, string Text)[] files, params DiagnosticResult[] expected)
    {
        var test = new GeneratorTest { TestState = { Sources = { source } } };
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add((file.Path, file.Text));
        }

        test.TestState.ExpectedDiagnostics.AddRange(expected);
        return test;
    }
}
