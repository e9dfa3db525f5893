using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace McpClientGen.Generator.Tests;

/// <summary>
/// Which snapshot problems are reported: none for a snapshot no client names, and a tool's only when a client uses
/// the tool; and what MCPGEN001 says to find the snapshot meant.
/// </summary>
public sealed partial class DiagnosticTests
{
    /// <summary>A valid tool and one without an input schema, the second at line 3, columns 3 to 18.</summary>
    private const string OneBrokenTool = "{\"tools\":[\n  {\"name\":\"ping\",\"inputSchema\":{\"type\":\"object\"}},\n  {\"name\":\"broken\"}\n]}";

    [Fact]
    public Task An_excluded_invalid_tool_is_not_validated() =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo", Exclude = new[] { "broken" })]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", OneBrokenTool)]);

    [Fact]
    public Task An_invalid_tool_that_include_leaves_out_is_not_validated() =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo", Include = new[] { "p*" })]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", OneBrokenTool)]);

    [Fact]
    public Task An_overlay_entry_of_an_excluded_tool_is_not_validated() =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo", Exclude = new[] { "broken" })]
            public partial interface IDemoClient;
            """,
            [
                ("/schemas/demo.mcp.json", OneBrokenTool),
                ("/schemas/demo.overlay.json", """{"tools":{"broken":{"inputSchema":{"properties":{"nothing":{"type":"string"}}},"extra":1}}}"""),
            ]);

    [Fact]
    public Task A_snapshot_no_client_names_reports_nothing_however_broken() =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            [
                ("/schemas/demo.mcp.json", ValidSnapshot),
                ("/schemas/response.mcp.json", """{"jsonrpc":"2.0","id":1,"result":{"tools":[{"name":"x"}]}}"""),
                ("/schemas/truncated.mcp.json", """{"tools":[{"name":"""),
            ]);

    [Fact]
    public Task MCPGEN031_a_declared_method_for_an_invalid_tool_is_an_error_at_the_declaration_and_the_tool() =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient
            {
                [McpClientGen.McpTool({|#0:"broken"|})]
                System.Threading.Tasks.Task BrokenAsync();
            }
            """,
            [("/schemas/demo.mcp.json", OneBrokenTool)],
            new DiagnosticResult("MCPGEN031", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("broken", "demo", "tool 'broken' has no 'inputSchema' object"),
            new DiagnosticResult("MCPGEN004", DiagnosticSeverity.Error)
                .WithSpan("/schemas/demo.mcp.json", 3, 3, 3, 20)
                .WithArguments("demo", "tool 'broken' has no 'inputSchema' object"));

    [Fact]
    public Task MCPGEN030_an_invalid_output_schema_skips_only_its_tool() =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", "{\"tools\":[\n  {\"name\":\"ping\",\"inputSchema\":{}},\n  {\"name\":\"bad\",\"inputSchema\":{},\"outputSchema\":[]}\n]}")],
            new DiagnosticResult("MCPGEN030", DiagnosticSeverity.Warning)
                .WithSpan("/schemas/demo.mcp.json", 3, 49, 3, 51)
                .WithArguments("bad", "demo", "the 'outputSchema' of tool 'bad' must be an object"));

    [Fact]
    public Task MCPGEN001_suggests_the_closest_snapshot_name() =>
        Verify(
            """
            [McpClientGen.McpClient({|#0:"crn"|})]
            public partial interface ICrmClient;
            """,
            [("/schemas/crm.mcp.json", ValidSnapshot), ("/schemas/billing.mcp.json", ValidSnapshot)],
            new DiagnosticResult("MCPGEN001", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("crn", "did you mean 'crm'? The snapshots found are: billing, crm"));

    [Fact]
    public Task MCPGEN001_lists_at_most_ten_snapshots() =>
        Verify(
            """
            [McpClientGen.McpClient({|#0:"missing"|})]
            public partial interface IMissingClient;
            """,
            Enumerable.Range(1, 12).Select(i => ($"/schemas/server{i:00}.mcp.json", ValidSnapshot)).ToArray(),
            new DiagnosticResult("MCPGEN001", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("missing", "the snapshots found are: server01, server02, server03, server04, server05, server06, server07, server08, server09, server10 and 2 more"));

    [Fact]
    public Task MCPGEN001_says_when_there_is_no_snapshot_at_all() =>
        Verify(
            """
            [McpClientGen.McpClient({|#0:"crm"|})]
            public partial interface ICrmClient;
            """,
            [],
            new DiagnosticResult("MCPGEN001", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("crm", "no snapshot was found at all"));

    [Theory]
    [InlineData("demo.mcp.json")]
    [InlineData("schemas/demo.mcp.json")]
    [InlineData("schemas/Demo")]
    public Task MCPGEN033_a_snapshot_named_by_its_file_is_read_with_an_info(string written) =>
        VerifyOnlyGeneratorErrors(
            $$"""
            [McpClientGen.McpClient({|#0:"{{written}}"|})]
            public partial interface IDemoClient;

            public static class Use
            {
                public static System.Threading.Tasks.Task<ModelContextProtocol.Protocol.CallToolResult> Call(IDemoClient client) => client.PingAsync();
            }
            """,
            [("/schemas/demo.mcp.json", ValidSnapshot)],
            new DiagnosticResult("MCPGEN033", DiagnosticSeverity.Info).WithLocation(0)
                .WithArguments(written, written.EndsWith("Demo", StringComparison.Ordinal) ? "Demo" : "demo"));
}
