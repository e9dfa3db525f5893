using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Tests;

/// <summary>
/// One classifier decides what a schema is, so a shape maps the same way wherever it appears: inline or behind a
/// <c>$ref</c>, as a property or as a tool's result.
/// </summary>
public sealed class SchemaShapeTests
{
    private const string Base = """{"type":"object","properties":{"id":{"type":"string"}}}""";

    [Fact]
    public void An_allOf_with_a_part_that_only_adds_constraints_is_one_merged_record_inline_and_behind_a_ref()
    {
        var client = Generate(
            $$"""
            "inline":{"allOf":[{"$ref":"#/$defs/Base"},{"required":["id"]}]},
            "referenced":{"$ref":"#/$defs/Named"}
            """,
            "\"Base\":" + Base + """
            ,"Named":{"allOf":[{"$ref":"#/$defs/Base"},{"required":["id"]}]}
            """);

        foreach (var parameter in new[] { "inline", "referenced" })
        {
            var record = RecordOf(client, parameter);
            Assert.Equal(["Id"], PropertyNames(record));
            Assert.True(((IPropertySymbol)record.GetMembers("Id").Single()).IsRequired, $"{parameter}: 'id' is required by the constraint part");
        }
    }

    [Fact]
    public void Properties_beside_a_ref_extend_its_target_inline_and_behind_a_ref()
    {
        var client = Generate(
            """
            "inline":{"$ref":"#/$defs/Base","properties":{"extra":{"type":"integer"}}},
            "referenced":{"$ref":"#/$defs/Extended"}
            """,
            "\"Base\":" + Base + """
            ,"Extended":{"$ref":"#/$defs/Base","properties":{"extra":{"type":"integer"}}}
            """);

        Assert.Equal(["Extra", "Id"], PropertyNames(RecordOf(client, "inline")));
        Assert.Equal(["Extra", "Id"], PropertyNames(RecordOf(client, "referenced")));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"type":"object"}""")]
    [InlineData("""{"type":"object","properties":{}}""")]
    [InlineData("""{"type":"object","anyOf":[{"required":["a"]},{"required":["b"]}]}""")]
    public void An_output_schema_that_declares_no_shape_returns_the_raw_result_without_a_diagnostic(string outputSchema)
    {
        var (output, diagnostics, _) = GeneratorHarness.Run(
            Interface,
            Snapshot($$"""{"name":"ping","inputSchema":{"type":"object"},"outputSchema":{{outputSchema}}}"""));

        Assert.Empty(diagnostics);
        var method = GeneratorHarness.VisibleMethods(output.GetTypeByMetadataName("Shapes.IShapesClient")!, "PingAsync").Single();
        Assert.Equal("CallToolResult", ((INamedTypeSymbol)method.ReturnType).TypeArguments.Single().Name);
    }

    [Fact]
    public void Null_among_several_types_stays_inside_the_JsonElement_as_a_null_alternative_of_a_union_does()
    {
        var client = Generate(
            """
            "listed":{"type":["string","integer","null"]},
            "union":{"anyOf":[{"type":"string"},{"type":"integer"},{"type":"null"}]}
            """,
            "",
            required: """["listed","union"]""");

        foreach (var parameter in new[] { "listed", "union" })
        {
            Assert.Equal("System.Text.Json.JsonElement", ParameterType(client, parameter).ToDisplayString());
        }
    }

    private const string Interface = """
        namespace Shapes;

        [McpClientGen.McpClient("shapes")]
        public partial interface IShapesClient;
        """;

    private static InMemoryAdditionalText Snapshot(string tool) => new("/schemas/shapes.mcp.json", $$"""{"tools":[{{tool}}]}""");

    /// <summary>Generates a client for one tool with these properties and definitions; the output must compile cleanly.</summary>
    private static INamedTypeSymbol Generate(string properties, string definitions, string required = "[]")
    {
        var (output, diagnostics, _) = GeneratorHarness.Run(
            Interface,
            Snapshot("""{"name":"put","inputSchema":{"type":"object","properties":{""" + properties + "},\"required\":" + required + ",\"$defs\":{" + definitions + "}}}"));

        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        return output.GetTypeByMetadataName("Shapes.IShapesClient")!;
    }

    private static ITypeSymbol ParameterType(INamedTypeSymbol client, string parameter) =>
        client.GetMembers("PutAsync").OfType<IMethodSymbol>().SelectMany(method => method.Parameters).First(p => p.Name == parameter).Type;

    private static INamedTypeSymbol RecordOf(INamedTypeSymbol client, string parameter)
    {
        var type = ParameterType(client, parameter);
        Assert.True(type is INamedTypeSymbol { IsRecord: true }, $"'{parameter}' is {type}, not a generated record");
        return (INamedTypeSymbol)type;
    }

    private static string[] PropertyNames(INamedTypeSymbol record) =>
        record.GetMembers().OfType<IPropertySymbol>().Where(p => p.Name != "EqualityContract").Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
}
