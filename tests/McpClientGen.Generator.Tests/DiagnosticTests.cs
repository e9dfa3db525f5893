using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace McpClientGen.Generator.Tests;

/// <summary>One test per diagnostic: the right id, message arguments and exact location.</summary>
public sealed partial class DiagnosticTests
{
    private const string ValidSnapshot = """
        {"tools":[{"name":"ping","inputSchema":{"type":"object"}}]}
        """;

    private const string FindSnapshot = """
        {"tools":[{"name":"find","inputSchema":{"type":"object","properties":{"id":{"type":"string"},"exact":{"type":"boolean"}},"required":["id"]},
          "outputSchema":{"type":"object","properties":{"name":{"type":"string"}}}}]}
        """;

    [Fact]
    public Task MCPGEN001_snapshot_not_found_points_at_the_attribute_argument() =>
        Verify(
            """
            [McpClientGen.McpClient({|#0:"missing"|})]
            public partial interface IMissingClient;
            """,
            [("/schemas/other.mcp.json", ValidSnapshot)],
            new DiagnosticResult("MCPGEN001", DiagnosticSeverity.Error).WithLocation(0).WithArguments("missing", "the snapshots found are: other"));

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
    public Task MCPGEN030_tool_without_input_schema_is_skipped_with_a_warning_at_the_tool() =>
        Verify(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", """{"tools":[{"name":"ping"}]}""")],
            new DiagnosticResult("MCPGEN030", DiagnosticSeverity.Warning)
                .WithSpan("/schemas/demo.mcp.json", 1, 11, 1, 26)
                .WithArguments("ping", "demo", "tool 'ping' has no 'inputSchema' object"));

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

    [Fact]
    public Task MCPGEN030_duplicate_tool_name_skips_the_second_with_a_warning_at_its_name() =>
        Verify(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", """{"tools":[{"name":"a","inputSchema":{}},{"name":"a","inputSchema":{}}]}""")],
            new DiagnosticResult("MCPGEN030", DiagnosticSeverity.Warning)
                .WithSpan("/schemas/demo.mcp.json", 1, 49, 1, 52)
                .WithArguments("a", "demo", "the tool name 'a' appears more than once"));

    [Fact]
    public Task MCPGEN032_tool_without_name_is_skipped_with_a_warning_at_the_tool() =>
        Verify(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", """{"tools":[{"inputSchema":{}}]}""")],
            new DiagnosticResult("MCPGEN032", DiagnosticSeverity.Warning)
                .WithSpan("/schemas/demo.mcp.json", 1, 11, 1, 29)
                .WithArguments("demo", "a tool has no 'name' string"));

    [Fact]
    public Task MCPGEN030_input_schema_that_is_not_an_object_skips_the_tool_with_a_warning_at_it() =>
        Verify(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", "{\"tools\":[\n  {\"name\":\"a\",\"inputSchema\":[]}\n]}")],
            new DiagnosticResult("MCPGEN030", DiagnosticSeverity.Warning)
                .WithSpan("/schemas/demo.mcp.json", 2, 29, 2, 31)
                .WithArguments("a", "demo", "tool 'a' has no 'inputSchema' object"));

    [Fact]
    public Task MCPGEN030_input_schema_of_another_type_skips_the_tool_with_a_warning_at_its_type() =>
        Verify(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", """{"tools":[{"name":"a","inputSchema":{"type":"string"}}]}""")],
            new DiagnosticResult("MCPGEN030", DiagnosticSeverity.Warning)
                .WithSpan("/schemas/demo.mcp.json", 1, 45, 1, 53)
                .WithArguments("a", "demo", "the 'inputSchema' of tool 'a' must have \"type\": \"object\""));

    [Fact]
    public Task MCPGEN009_colliding_property_names_are_numbered_and_reported() =>
        Verify(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", """{"tools":[{"name":"a","inputSchema":{"properties":{"x-y":{"type":"string"},"x_y":{"type":"string"}}}}]}""")],
            new DiagnosticResult("MCPGEN009", DiagnosticSeverity.Info)
                .WithSpan("/schemas/demo.mcp.json", 1, 82, 1, 99)
                .WithArguments("x_y", "property", "XY", "XY2"));

    [Fact]
    public Task MCPGEN009_tool_method_renamed_around_a_declared_member() =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient
            {
                int PingAsync { get; }
            }

            public partial class DemoClient
            {
                public int PingAsync => 0;
            }
            """,
            [("/schemas/demo.mcp.json", ValidSnapshot)],
            new DiagnosticResult("MCPGEN009", DiagnosticSeverity.Info)
                .WithSpan("/schemas/demo.mcp.json", 1, 19, 1, 25)
                .WithArguments("ping", "tool", "PingAsync", "Ping2Async"));

    [Fact]
    public Task MCPGEN010_unresolvable_ref_points_at_the_ref() =>
        Verify(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", """{"tools":[{"name":"a","inputSchema":{"properties":{"x":{"$ref":"#/$defs/Missing"}}}}]}""")],
            new DiagnosticResult("MCPGEN010", DiagnosticSeverity.Warning)
                .WithSpan("/schemas/demo.mcp.json", 1, 56, 1, 82)
                .WithArguments("#/$defs/Missing", "a"));

    [Fact]
    public Task MCPGEN011_declared_tool_not_in_the_snapshot_points_at_the_name() =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient
            {
                [McpClientGen.McpTool({|#0:"pong"|})]
                System.Threading.Tasks.Task PongAsync();
            }
            """,
            [("/schemas/demo.mcp.json", ValidSnapshot)],
            new DiagnosticResult("MCPGEN011", DiagnosticSeverity.Error).WithLocation(0).WithArguments("pong", "demo", "ping"));

    [Fact]
    public Task MCPGEN012_declared_parameter_without_a_property_points_at_the_parameter() =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient
            {
                [McpClientGen.McpTool("find")]
                System.Threading.Tasks.Task FindAsync(string id, {|#0:int limit|});
            }
            """,
            [("/schemas/demo.mcp.json", FindSnapshot)],
            new DiagnosticResult("MCPGEN012", DiagnosticSeverity.Error)
                .WithLocation(0)
                .WithArguments("limit", "FindAsync", "find", "the tool has no property named 'limit'; its properties are id, exact"));

    [Fact]
    public Task MCPGEN012_required_property_declared_optional_points_at_the_parameter() =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient
            {
                [McpClientGen.McpTool("find")]
                System.Threading.Tasks.Task FindAsync({|#0:string? id = null|});
            }
            """,
            [("/schemas/demo.mcp.json", FindSnapshot)],
            new DiagnosticResult("MCPGEN012", DiagnosticSeverity.Error)
                .WithLocation(0)
                .WithArguments("id", "FindAsync", "find", "'id' is required, so the parameter cannot have a default value"));

    [Fact]
    public Task MCPGEN012_required_non_null_property_declared_nullable_points_at_the_parameter() =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient
            {
                [McpClientGen.McpTool("find")]
                System.Threading.Tasks.Task FindAsync({|#0:string? id|});
            }
            """,
            [("/schemas/demo.mcp.json", FindSnapshot)],
            new DiagnosticResult("MCPGEN012", DiagnosticSeverity.Error)
                .WithLocation(0)
                .WithArguments("id", "FindAsync", "find", "'id' is required and may not be null, so the parameter type cannot be nullable"));

    [Fact]
    public Task MCPGEN012_progress_declared_before_a_tool_parameter_points_at_the_progress_parameter() =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient
            {
                [McpClientGen.McpTool("find")]
                System.Threading.Tasks.Task FindAsync({|#0:System.IProgress<ModelContextProtocol.ProgressNotificationValue>? progress|}, string id);
            }
            """,
            [("/schemas/demo.mcp.json", FindSnapshot)],
            new DiagnosticResult("MCPGEN012", DiagnosticSeverity.Error)
                .WithLocation(0)
                .WithArguments("progress", "FindAsync", "find", "the IProgress<ProgressNotificationValue> must come after the tool's parameters, before only the CancellationToken"));

    /// <summary>
    /// The receiver is recognised by its full name: a type of the user's that is also called
    /// <c>ProgressNotificationValue</c> is not the SDK's (the generated class could not implement the method), and
    /// nullable values are not what the runtime reports. Either is named as a receiver, not as an unknown argument.
    /// </summary>
    [Theory]
    [InlineData("System.IProgress<ProgressNotificationValue>?", "System.IProgress<Contoso.ProgressNotificationValue>?")]
    [InlineData("System.IProgress<ModelContextProtocol.ProgressNotificationValue?>", "System.IProgress<ModelContextProtocol.ProgressNotificationValue?>")]
    public Task MCPGEN012_a_receiver_that_is_not_IProgress_of_the_SDKs_value_says_so(string declared, string shown) =>
        VerifyOnlyGeneratorErrors(
            $$"""
            namespace Contoso
            {
                public sealed class ProgressNotificationValue;

                [McpClientGen.McpClient("demo")]
                public partial interface IDemoClient
                {
                    [McpClientGen.McpTool("find")]
                    System.Threading.Tasks.Task FindAsync(string id, {|#0:{{declared}} progress|}, System.Threading.CancellationToken cancellationToken = default);
                }
            }
            """,
            [("/schemas/demo.mcp.json", FindSnapshot)],
            new DiagnosticResult("MCPGEN012", DiagnosticSeverity.Error)
                .WithLocation(0)
                .WithArguments("progress", "FindAsync", "find", $"a progress receiver must be System.IProgress<ModelContextProtocol.ProgressNotificationValue> (the MCP SDK's type, not null), but this is '{shown}'"));

    [Fact]
    public Task MCPGEN013_declared_parameter_of_the_wrong_type_points_at_the_type() =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient
            {
                [McpClientGen.McpTool("find")]
                System.Threading.Tasks.Task FindAsync(string id, {|#0:string|} exact);
            }
            """,
            [("/schemas/demo.mcp.json", FindSnapshot)],
            new DiagnosticResult("MCPGEN013", DiagnosticSeverity.Error)
                .WithLocation(0)
                .WithArguments("exact", "FindAsync", "string", "exact", "find", "bool"));

    [Fact]
    public Task MCPGEN013_rejected_declaration_naming_generated_types_leaves_only_the_generator_error() =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient
            {
                [McpClientGen.McpTool("find")]
                System.Threading.Tasks.Task<FindResult> FindAsync(string @class, {|#0:System.Collections.Generic.IReadOnlyList<FindResult?>?|} exact, System.Threading.CancellationToken cancellationToken = default);
            }
            """,
            [("/schemas/demo.mcp.json", FindSnapshot.Replace("\"id\"", "\"class\"", StringComparison.Ordinal))],
            new DiagnosticResult("MCPGEN013", DiagnosticSeverity.Error)
                .WithLocation(0)
                .WithArguments("exact", "FindAsync", "IReadOnlyList<FindResult?>?", "exact", "find", "bool"));

    [Theory]
    [InlineData("number", "bool", "double")]
    [InlineData("number", "string", "double")]
    [InlineData("integer", "int", "long")]
    [InlineData("integer", "double", "long")]
    public Task MCPGEN013_numbers_accept_only_the_types_that_state_their_meaning(string jsonType, string declared, string expected) =>
        VerifyOnlyGeneratorErrors(
            $$"""
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient
            {
                [McpClientGen.McpTool("page")]
                System.Threading.Tasks.Task PageAsync({|#0:{{declared}}|} size);
            }
            """,
            [("/schemas/demo.mcp.json", $$$"""{"tools":[{"name":"page","inputSchema":{"type":"object","properties":{"size":{"type":"{{{jsonType}}}"}},"required":["size"]}}]}""")],
            new DiagnosticResult("MCPGEN013", DiagnosticSeverity.Error)
                .WithLocation(0)
                .WithArguments("size", "PageAsync", declared, "size", "page", expected));

    [Fact]
    public Task MCPGEN014_missing_required_property_points_at_the_method() =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient
            {
                [McpClientGen.McpTool("find")]
                System.Threading.Tasks.Task {|#0:FindAsync|}(bool exact);
            }
            """,
            [("/schemas/demo.mcp.json", FindSnapshot)],
            new DiagnosticResult("MCPGEN014", DiagnosticSeverity.Error).WithLocation(0).WithArguments("FindAsync", "id", "find", "string", "id"));

    [Theory]
    [InlineData("System.Threading.Tasks.ValueTask<string>", "ValueTask<string>")]
    [InlineData("System.Threading.Tasks.Task<FindResult[]>", "Task<FindResult[]>")]
    [InlineData("System.Threading.Tasks.Task<System.Text.Json.JsonElement?>", "Task<JsonElement?>")]
    [InlineData("System.Threading.Tasks.Task<ModelContextProtocol.Protocol.CallToolResult?>", "Task<CallToolResult?>")]
    public Task MCPGEN015_wrong_return_type_points_at_it(string returnType, string display) =>
        VerifyOnlyGeneratorErrors(
            $$"""
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient
            {
                [McpClientGen.McpTool("find")]
                {|#0:{{returnType}}|} FindAsync(string id);
            }
            """,
            [("/schemas/demo.mcp.json", FindSnapshot)],
            new DiagnosticResult("MCPGEN015", DiagnosticSeverity.Error)
                .WithLocation(0)
                .WithArguments(
                    "FindAsync",
                    display,
                    "find",
                    "Task<FindResult>, Task<CallToolResult>, Task, Task<JsonElement>, Task<string>, Task<T> for your own type T with [McpClient(JsonContext = typeof(YourJsonContext))]"));

    [Fact]
    public Task MCPGEN016_filter_pattern_matching_nothing_points_at_the_pattern() =>
        Verify(
            """
            [McpClientGen.McpClient("demo", Include = new[] { "pi*", {|#0:"pong"|} }, Exclude = [{|#1:"x*"|}])]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", ValidSnapshot)],
            new DiagnosticResult("MCPGEN016", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Include", "pong", "demo"),
            new DiagnosticResult("MCPGEN016", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("Exclude", "x*", "demo"));

    [Fact]
    public Task A_warning_in_source_can_be_disabled_with_pragma_for_exactly_the_lines_it_covers() =>
        Verify(
            """
            [McpClientGen.McpClient("demo",
            #pragma warning disable MCPGEN016
                Include = new[] { "pong" },
            #pragma warning restore MCPGEN016
                Exclude = new[] { {|#0:"x*"|} })]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", ValidSnapshot)],
            new DiagnosticResult("MCPGEN016", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Exclude", "x*", "demo"));

    [Theory]
    [InlineData("error", DiagnosticSeverity.Error)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    [InlineData("none", null)]
    public Task A_warning_in_source_takes_its_severity_from_editorconfig(string configured, DiagnosticSeverity? reported)
    {
        var test = Test(
            """
            [McpClientGen.McpClient("demo", Include = new[] { {|#0:"pong"|} })]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", ValidSnapshot)],
            reported is { } severity
                ? [new DiagnosticResult("MCPGEN016", severity).WithLocation(0).WithArguments("Include", "pong", "demo")]
                : []);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*.cs]\ndotnet_diagnostic.MCPGEN016.severity = {configured}\n"));
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        return test.RunAsync();
    }

    [Fact]
    public Task MCPGEN017_generic_interface_points_at_its_name() =>
        Verify(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface {|#0:IDemoClient|}<T>;
            """,
            [("/schemas/demo.mcp.json", ValidSnapshot)],
            new DiagnosticResult("MCPGEN017", DiagnosticSeverity.Error).WithLocation(0).WithArguments("IDemoClient"));

    [Fact]
    public Task MCPGEN037_a_type_of_the_users_named_like_the_AITools_class_leaves_it_out_and_the_build_compiles() =>
        // Without the check, the generated DemoClientAITools would collide with the user's class (CS0101).
        Verify(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface {|#0:IDemoClient|};

            public static class DemoClientAITools { }
            """,
            [("/schemas/demo.mcp.json", ValidSnapshot)],
            new DiagnosticResult("MCPGEN037", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("DemoClientAITools", "IDemoClient"));

    [Fact]
    public Task MCPGEN018_declared_result_type_without_a_json_context_points_at_the_return_type() =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient
            {
                [McpClientGen.McpTool("find")]
                {|#0:System.Threading.Tasks.Task<System.Collections.Generic.List<Contoso.Found?>>|} FindAsync(string id);
            }

            namespace Contoso { public sealed record Found(string Name); }
            """,
            [("/schemas/demo.mcp.json", FindSnapshot)],
            new DiagnosticResult("MCPGEN018", DiagnosticSeverity.Error)
                .WithLocation(0)
                .WithArguments("FindAsync", "Task<List<Found?>>", "IDemoClient", "List<Found>"));

    [Fact]
    public Task MCPGEN019_declared_result_type_missing_from_the_json_context_points_at_the_return_type() =>
        VerifyWithoutJsonGenerator(
            """
            using System.Text.Json.Serialization;

            [McpClientGen.McpClient("demo", JsonContext = typeof(DemoJson))]
            public partial interface IDemoClient
            {
                [McpClientGen.McpTool("find")]
                System.Threading.Tasks.Task<Found> FindAsync(string id);

                [McpClientGen.McpTool("find")]
                {|#0:System.Threading.Tasks.Task<Found[]>|} FindAllAsync(string id);
            }

            public sealed record Found(string Name);

            [JsonSerializable(typeof(Found))]
            internal partial class DemoJson : JsonSerializerContext;
            """,
            [("/schemas/demo.mcp.json", FindSnapshot)],
            new DiagnosticResult("MCPGEN019", DiagnosticSeverity.Error).WithLocation(0).WithArguments("FindAllAsync", "Task<Found[]>", "DemoJson", "Found[]"));

    [Fact]
    public Task MCPGEN020_json_context_that_is_not_a_serializer_context_points_at_the_typeof() =>
        VerifyWithoutJsonGenerator(
            """
            [McpClientGen.McpClient("demo", JsonContext = {|#0:typeof(Contoso.Settings)|})]
            public partial interface IDemoClient
            {
                [McpClientGen.McpTool("find")]
                System.Threading.Tasks.Task<Contoso.Settings> FindAsync(string id);
            }

            namespace Contoso { public sealed class Settings; }
            """,
            [("/schemas/demo.mcp.json", FindSnapshot)],
            new DiagnosticResult("MCPGEN020", DiagnosticSeverity.Error).WithLocation(0).WithArguments("Contoso.Settings"));

    [Theory]
    [InlineData("[JsonSerializable(typeof(Found))] internal sealed class DemoJson : JsonSerializerContext;", "DemoJson",
        "declare it 'partial class DemoJson' so that System.Text.Json's source generator adds one")]
    [InlineData("internal static class Outer { [JsonSerializable(typeof(Found))] internal partial class DemoJson : JsonSerializerContext; }", "Outer.DemoJson",
        "declare the class 'Outer' that contains it 'partial' too, so that System.Text.Json's source generator can add one")]
    [InlineData("internal abstract partial class DemoJson : JsonSerializerContext;", "DemoJson",
        "System.Text.Json's source generator adds one only to a class that is neither generic nor abstract")]
    [InlineData("internal partial class DemoJson : JsonSerializerContext;", "DemoJson",
        "System.Text.Json's source generator adds one only to a class with a [JsonSerializable(typeof(...))] attribute; add one per declared result type")]
    [InlineData("[JsonSerializable(typeof(Found))] file sealed partial class DemoJson : JsonSerializerContext;", "DemoJson",
        "the generated client is in another file, and a file-local class is visible only in its own; declare it 'internal' instead of 'file'")]
    [InlineData("file static partial class Outer { [JsonSerializable(typeof(Found))] internal partial class DemoJson : JsonSerializerContext; }", "Outer.DemoJson",
        "the generated client is in another file, and a file-local class is visible only in its own; declare 'Outer' 'internal' instead of 'file'")]
    public Task MCPGEN021_json_context_that_gets_no_default_points_at_the_typeof(string context, string display, string reason) =>
        VerifyWithoutJsonGenerator(
            $$"""
            using System.Text.Json.Serialization;

            [McpClientGen.McpClient("demo", JsonContext = {|#0:typeof({{display}})|})]
            public partial interface IDemoClient;

            public sealed record Found(string Name);

            {{context}}
            """,
            [("/schemas/demo.mcp.json", FindSnapshot)],
            new DiagnosticResult("MCPGEN021", DiagnosticSeverity.Error).WithLocation(0).WithArguments(display, reason));

    private static Task Verify(string source, (string Path, string Text)[] files, params DiagnosticResult[] expected)
    {
        var test = Test(source, files, expected);
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        return test.RunAsync();
    }

    /// <summary>
    /// For declarations the generator rejects: the expected diagnostics must be the only ones, compiler warnings
    /// included, so the generated class still implements the rejected member (no CS0535) and does so cleanly.
    /// </summary>
    private static Task VerifyOnlyGeneratorErrors(string source, (string Path, string Text)[] files, params DiagnosticResult[] expected)
    {
        var test = Test("#nullable enable\n" + source, files, expected);
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        test.CompilerDiagnostics = CompilerDiagnostics.Warnings;
        test.DisabledDiagnostics.Add("CS1591"); // The test sources have no XML docs.
        return test.RunAsync();
    }

    /// <summary>
    /// For sources with a JsonContext: the test does not run System.Text.Json's source generator, so the members it
    /// would add to the context (the abstract overrides, the constructor, <c>Default</c>) are missing and the compiler's
    /// errors about them are not the point; only the generator's diagnostics are compared.
    /// </summary>
    private static Task VerifyWithoutJsonGenerator(string source, (string Path, string Text)[] files, params DiagnosticResult[] expected)
    {
        var test = Test(source, files, expected);
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        test.CompilerDiagnostics = CompilerDiagnostics.None;
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
