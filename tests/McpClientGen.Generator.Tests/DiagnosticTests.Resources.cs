using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace McpClientGen.Generator.Tests;

/// <summary>
/// Malformed entries of a snapshot's <c>resources</c> and <c>resourceTemplates</c> arrays are skipped with MCPGEN035,
/// templates that need RFC 6570 level 4 with MCPGEN036, each at the very characters at fault (inside the URI template
/// when it is written without escapes); the tools and the other resources are still generated.
/// </summary>
public sealed partial class DiagnosticTests
{
    private const string ResourcesPath = "/schemas/demo.mcp.json";

    [Theory]
    [InlineData("resources", "{}", "{}", "'resources' must be an array of resources")]
    [InlineData("resourceTemplates", "1", "1", "'resourceTemplates' must be an array of resource templates")]
    [InlineData("resources", "[1,{\"uri\":\"demo://a\",\"name\":\"a\"}]", "1", "each resource must be a JSON object")]
    [InlineData("resources", "[{\"name\":\"a\"}]", "{\"name\":\"a\"}", "a resource has no 'uri' string")]
    [InlineData("resources", "[{\"uri\":\"\",\"name\":\"a\"}]", "\"\"", "a resource has no 'uri' string")]
    [InlineData("resources", "[{\"uri\":\"demo://a\"}]", "{\"uri\":\"demo://a\"}", "the resource 'demo://a' has no 'name' string")]
    [InlineData("resources", "[{\"uri\":\"demo://a\",\"name\":7}]", "7", "the resource 'demo://a' has no 'name' string")]
    [InlineData("resourceTemplates", "[{\"name\":\"t\"}]", "{\"name\":\"t\"}", "a resource template has no 'uriTemplate' string")]
    [InlineData("resourceTemplates", "[{\"uriTemplate\":\"demo://{v}\"}]", "{\"uriTemplate\":\"demo://{v}\"}", "the resource template 'demo://{v}' has no 'name' string")]
    public Task MCPGEN035_a_malformed_resource_entry_is_reported_where_it_is_written(string member, string value, string at, string problem) =>
        VerifyResources(member, value, Columns(member, value, value.IndexOf(at, StringComparison.Ordinal), at.Length), "MCPGEN035", "demo", problem);

    [Fact]
    public Task MCPGEN035_a_repeated_uri_is_reported_at_the_second_one()
    {
        const string value = "[{\"uri\":\"demo://a\",\"name\":\"a\"},{\"uri\":\"demo://a\",\"name\":\"b\"}]";
        return VerifyResources("resources", value, Columns("resources", value, value.LastIndexOf("\"demo://a\"", StringComparison.Ordinal), 10), "MCPGEN035", "demo", "the uri 'demo://a' appears more than once");
    }

    [Theory]
    [InlineData("demo://x/{id", "{", "a '{' is not closed")]
    [InlineData("demo://x/id}", "}", "a '}' closes no expression")]
    [InlineData("demo://{}", "{}", "an expression '{}' names no variable")]
    [InlineData("demo://{a-b}", "a-b", "'a-b' is not a valid variable name")]
    [InlineData("demo://{|a}", "|", "the operator '|' is reserved by RFC 6570")]
    // A modifier outside the RFC's grammar is malformed, not an unsupported level 4 one (MCPGEN036).
    [InlineData("demo://{a:abc}", ":abc", "':abc' is not a modifier of 'a': a prefix is ':' and a length of 1 to 9999, an explode is a final '*'")]
    [InlineData("demo://{a:}", ":", "':' is not a modifier of 'a': a prefix is ':' and a length of 1 to 9999, an explode is a final '*'")]
    [InlineData("demo://{a:10000}", ":10000", "':10000' is not a modifier of 'a': a prefix is ':' and a length of 1 to 9999, an explode is a final '*'")]
    [InlineData("demo://{a*b}", "*b", "'*b' is not a modifier of 'a': a prefix is ':' and a length of 1 to 9999, an explode is a final '*'")]
    public Task MCPGEN035_a_malformed_uri_template_is_reported_at_the_characters_at_fault(string template, string at, string problem)
    {
        var value = $"[{{\"uriTemplate\":\"{template}\",\"name\":\"t\"}}]";
        var start = value.IndexOf(template, StringComparison.Ordinal) + template.LastIndexOf(at, StringComparison.Ordinal);
        return VerifyResources("resourceTemplates", value, Columns("resourceTemplates", value, start, at.Length), "MCPGEN035", "demo", $"the URI template '{template}' is malformed: {problem}");
    }

    [Fact]
    public void A_repeated_variable_is_one_parameter_and_optional_variables_come_after_the_required_ones()
    {
        var (output, diagnostics) = RunWithPing("\"resourceTemplates\":[{\"uriTemplate\":\"demo://{?q}{/v}/{v}{&q}\",\"name\":\"t\"}]");

        Assert.Empty(diagnostics);
        var method = output.GetTypeByMetadataName("IDemoClient")!.GetMembers("ReadTResourceAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal(
            [("v", false, NullableAnnotation.NotAnnotated), ("q", true, NullableAnnotation.Annotated), ("cancellationToken", true, NullableAnnotation.NotAnnotated)],
            method.Parameters.Select(parameter => (parameter.Name, parameter.IsOptional, parameter.NullableAnnotation)));
    }

    [Theory]
    [InlineData("\"  \"")]
    [InlineData("null")]
    public void A_blank_or_missing_title_leaves_the_description_in_the_summary_only(string title)
    {
        var (output, diagnostics) = RunWithPing("\"resources\":[{\"uri\":\"demo://a\",\"name\":\"a\",\"title\":" + title + ",\"description\":\"Unique words here.\"}]");

        Assert.Empty(diagnostics);
        var docs = output.SyntaxTrees.Single(tree => tree.ToString().Contains("Unique words here.", StringComparison.Ordinal)).ToString();
        Assert.Contains("/// <summary>Unique words here.</summary>", docs, StringComparison.Ordinal);
        Assert.Equal(2, docs.Split("Unique words here.").Length);
    }

    [Fact]
    public Task MCPGEN035_a_template_written_with_escapes_is_reported_at_the_whole_string()
    {
        const string value = "[{\"uriTemplate\":\"demo://\\u0078/{v\",\"name\":\"t\"}]";
        const string at = "\"demo://\\u0078/{v\"";
        return VerifyResources("resourceTemplates", value, Columns("resourceTemplates", value, value.IndexOf(at, StringComparison.Ordinal), at.Length), "MCPGEN035", "demo", "the URI template 'demo://x/{v' is malformed: a '{' is not closed");
    }

    [Theory]
    [InlineData("demo://{list*}", "*", "the modifier '*' of 'list' (RFC 6570 level 4) is not supported")]
    [InlineData("demo://{?q,term:3}", ":3", "the modifier ':3' of 'term' (RFC 6570 level 4) is not supported")]
    public Task MCPGEN036_a_level_4_template_is_reported_at_its_modifier(string template, string at, string problem)
    {
        var value = $"[{{\"uriTemplate\":\"{template}\",\"name\":\"t\"}}]";
        var start = value.IndexOf(template, StringComparison.Ordinal) + template.IndexOf(at, StringComparison.Ordinal);
        return VerifyResources("resourceTemplates", value, Columns("resourceTemplates", value, start, at.Length), "MCPGEN036", "demo", "t", problem);
    }

    [Fact]
    public Task A_broken_resource_in_a_snapshot_no_client_names_reports_nothing() =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            [("/schemas/demo.mcp.json", ValidSnapshot), ("/schemas/other.mcp.json", ResourcesSnapshot("resourceTemplates", "[{\"uriTemplate\":\"{\",\"name\":\"t\"}]"))]);

    [Fact]
    public void A_broken_resource_or_template_skips_only_itself()
    {
        var (output, diagnostics) = RunWithPing("\"resources\":[{\"uri\":\"demo://a\"},{\"uri\":\"demo://b\",\"name\":\"b\"},{\"uri\":\"demo://c\",\"name\":\"!!\"}]," +
            "\"resourceTemplates\":[{\"uriTemplate\":\"demo://{x*}\",\"name\":\"x\"},{\"uriTemplate\":\"demo://{+y}\",\"name\":\"y\"}]");

        Assert.Equal(["MCPGEN035", "MCPGEN036"], diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        var client = output.GetTypeByMetadataName("IDemoClient")!;
        // "!!" has no letters: its method is plain ReadResourceAsync, which the base class's helpers (named ...Core) leave free.
        Assert.Equal(
            ["PingAsync", "ReadBResourceAsync", "ReadResourceAsync", "ReadYResourceAsync"],
            client.GetMembers().OfType<IMethodSymbol>().Select(method => method.Name).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Include_and_Exclude_select_resources_and_templates_by_name_as_they_do_tools()
    {
        var (output, diagnostics, _) = GeneratorHarness.Run(
            """
            [McpClientGen.McpClient("demo", Include = new[] { "p*", "readme" }, Exclude = new[] { "profile" })]
            public partial interface IDemoClient;
            """,
            new InMemoryAdditionalText(
                ResourcesPath,
                "{\"tools\":[{\"name\":\"ping\",\"inputSchema\":{\"type\":\"object\"}}]," +
                "\"resources\":[{\"uri\":\"demo://readme\",\"name\":\"readme\"},{\"uri\":\"demo://logo\",\"name\":\"logo\"}]," +
                "\"resourceTemplates\":[{\"uriTemplate\":\"demo://p/{id}\",\"name\":\"profile\"},{\"uriTemplate\":\"demo://q/{id}\",\"name\":\"page\"}]}"));

        Assert.Empty(diagnostics);
        var client = output.GetTypeByMetadataName("IDemoClient")!;
        Assert.Equal(
            ["PingAsync", "ReadPageResourceAsync", "ReadReadmeResourceAsync"],
            client.GetMembers().OfType<IMethodSymbol>().Select(method => method.Name).Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>Runs the generator on the plain client <c>IDemoClient</c> over a snapshot of one tool and <paramref name="members"/>.</summary>
    private static (Compilation Output, System.Collections.Immutable.ImmutableArray<Diagnostic> Diagnostics) RunWithPing(string members)
    {
        var (output, diagnostics, _) = GeneratorHarness.Run(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            new InMemoryAdditionalText(ResourcesPath, "{\"tools\":[{\"name\":\"ping\",\"inputSchema\":{\"type\":\"object\"}}]," + members + "}"));
        return (output, diagnostics);
    }

    /// <summary>A snapshot with one valid tool on line 1 and <c>"member":</c> then <paramref name="value"/> on line 2.</summary>
    private static string ResourcesSnapshot(string member, string value) =>
        "{\"tools\":[{\"name\":\"ping\",\"inputSchema\":{\"type\":\"object\"}}],\n\"" + member + "\":" + value + "}";

    /// <summary>The 1-based columns on line 2 of <see cref="ResourcesSnapshot"/> of <paramref name="length"/> characters from <paramref name="index"/> of the value.</summary>
    private static (int Start, int End) Columns(string member, string value, int index, int length)
    {
        Assert.True(index >= 0 && index + length <= value.Length, "the span must lie within the value");
        var start = member.Length + 4 + index;
        return (start, start + length);
    }

    /// <summary>Expects only the one diagnostic on line 2, between the given columns: the rest of the snapshot still gives a client.</summary>
    private static Task VerifyResources(string member, string value, (int Start, int End) columns, string id, params string[] arguments) =>
        VerifyOnlyGeneratorErrors(
            """
            [McpClientGen.McpClient("demo")]
            public partial interface IDemoClient;
            """,
            [(ResourcesPath, ResourcesSnapshot(member, value))],
            new DiagnosticResult(id, DiagnosticSeverity.Warning)
                .WithSpan(ResourcesPath, 2, columns.Start, 2, columns.End)
                .WithArguments(arguments));
}
