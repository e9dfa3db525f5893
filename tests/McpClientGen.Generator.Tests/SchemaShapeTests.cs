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

    [Fact]
    public void A_ref_to_an_anchor_and_a_ref_to_its_definition_are_one_record_named_after_it()
    {
        var client = Generate(
            """
            "byAnchor":{"$ref":"#place"},
            "byPointer":{"$ref":"#/$defs/place"}
            """,
            "\"place\":{\"$anchor\":\"place\",\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");

        Assert.Equal("Place", RecordOf(client, "byAnchor").Name);
        Assert.True(SymbolEqualityComparer.Default.Equals(RecordOf(client, "byAnchor"), RecordOf(client, "byPointer")), "both references name one record");
    }

    [Fact]
    public void A_ref_through_the_schemas_own_id_stays_in_the_document()
    {
        var (output, diagnostics, _) = GeneratorHarness.Run(
            Interface,
            Snapshot("""
                {"name":"put","inputSchema":{"$id":"https://example.com/put.json","type":"object",
                 "$defs":{"place":{"type":"object","properties":{"city":{"type":"string"}}}},
                 "properties":{"home":{"$ref":"https://example.com/put.json#/$defs/place"}}}}
                """));

        Assert.Empty(diagnostics);
        var home = output.GetTypeByMetadataName("Shapes.IShapesClient")!.GetMembers("PutAsync").OfType<IMethodSymbol>().First().Parameters.First();
        Assert.Equal("Place", home.Type.Name);
    }

    [Theory]
    [InlineData("\"v2\"", "string")]
    [InlineData("42", "long")]
    [InlineData("-7", "long")]
    [InlineData("0.5", "double")]
    [InlineData("1e3", "double")]
    [InlineData("true", "bool")]
    [InlineData("false", "bool")]
    public void A_const_without_a_type_takes_the_type_of_its_value_and_a_required_one_stays_required(string value, string type)
    {
        var client = Generate("\"fixed\":{\"const\":" + value + "}", "", required: """["fixed"]""");

        var parameter = client.GetMembers("PutAsync").OfType<IMethodSymbol>().SelectMany(method => method.Parameters).First(p => p.Name == "fixed");
        Assert.Equal(type, parameter.Type.ToDisplayString());
        Assert.False(parameter.HasExplicitDefaultValue, "a required const is a required parameter, like any required property");
    }

    /// <summary>
    /// A const does not move a required parameter: <c>M("circle", "a@b")</c> written for <c>M(string kind, string to)</c>
    /// must not come to mean <c>to: "circle", kind: "a@b"</c>. The arguments record keeps the member required too.
    /// </summary>
    [Fact]
    public void A_required_const_keeps_its_place_among_the_required_parameters()
    {
        var client = Generate(
            """
            "kind":{"type":"string","const":"circle"},
            "to":{"type":"string"},
            "cc":{"type":"string"}
            """,
            "",
            required: """["kind","to"]""");

        var flat = GeneratorHarness.VisibleMethods(client, "PutAsync").Single(method => method.Parameters[0].Type.SpecialType == SpecialType.System_String);
        Assert.Equal(["kind", "to", "cc", "progress", "cancellationToken"], flat.Parameters.Select(p => p.Name).ToArray());
        Assert.Equal(["string", "string", "string?"], flat.Parameters.Take(3).Select(p => p.Type.ToDisplayString()).ToArray());
        Assert.False(flat.Parameters[0].HasExplicitDefaultValue, "'kind' is required");
        var kind = (IPropertySymbol)client.GetTypeMembers("PutArguments").Single().GetMembers("Kind").Single();
        Assert.True(kind.IsRequired, "the record's 'Kind' is required, as the parameter is");
    }

    [Theory]
    [InlineData("""{"type":"array","prefixItems":[{"type":"number"},{"type":"number"}],"items":false}""", "System.Collections.Generic.IReadOnlyList<double>?")]
    [InlineData("""{"type":"array","prefixItems":[{"type":"string"}],"items":{"type":"string"}}""", "System.Collections.Generic.IReadOnlyList<string>?")]
    [InlineData("""{"type":"array","prefixItems":[{"type":"string"}],"items":{"type":"integer"}}""", "System.Text.Json.JsonElement?")]
    [InlineData("""{"type":"array","prefixItems":[{"type":"string"}]}""", "System.Text.Json.JsonElement?")]
    [InlineData("""{"type":"array","prefixItems":[],"items":{"type":"integer"}}""", "System.Collections.Generic.IReadOnlyList<long>?")]
    [InlineData("""{"prefixItems":[{"type":"string"},{"type":"integer"}],"items":false}""", "System.Text.Json.JsonElement?")]
    public void A_tuple_is_a_list_only_when_one_schema_fits_every_position(string schema, string type)
    {
        var client = Generate("\"pair\":" + schema, "");

        Assert.Equal(type, ParameterType(client, "pair").ToDisplayString());
    }

    [Fact]
    public void Keywords_beside_a_ref_apply_to_the_property_the_ref_is_for()
    {
        var (output, _, driver) = GeneratorHarness.Run(
            Interface,
            Snapshot("""
                {"name":"put","inputSchema":{"type":"object","required":["unit","near"],
                 "$defs":{"unit":{"type":"string","enum":["cm","in"],"description":"A unit."},"place":{"type":"object","properties":{"city":{"type":"string"}}}},
                 "properties":{
                   "unit":{"$ref":"#/$defs/unit","default":"in","description":"The unit to measure in."},
                   "near":{"$ref":"#/$defs/place","type":["object","null"]}}}}
                """));
        var generated = string.Concat(driver.GetRunResult().GeneratedTrees.Select(tree => tree.ToString()));
        var method = output.GetTypeByMetadataName("Shapes.IShapesClient")!.GetMembers("PutAsync").OfType<IMethodSymbol>().First();

        Assert.Contains("The unit to measure in.\n    /// When null, the schema's default \"in\" is sent.", generated.Replace("\r\n", "\n"), StringComparison.Ordinal);
        Assert.True(method.Parameters.Single(p => p.Name == "unit").HasExplicitDefaultValue, "the default beside the $ref makes 'unit' optional");
        var near = method.Parameters.Single(p => p.Name == "near");
        Assert.False(near.HasExplicitDefaultValue, "'near' is required");
        Assert.Equal(NullableAnnotation.Annotated, near.Type.NullableAnnotation);
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
