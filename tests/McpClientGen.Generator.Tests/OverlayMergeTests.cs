using McpClientGen.Testing;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Tests;

/// <summary>
/// What an overlay does to the generated client, read from the compiled output: the same snapshot gives a typed method
/// with its overlay and the untyped one without it.
/// </summary>
public sealed class OverlayMergeTests
{
    private const string Interface = """
        namespace Issues;

        [McpClientGen.McpClient("issues")]
        public partial interface IIssuesClient;
        """;

    private static readonly string GoldenFolder = RepositoryPaths.Combine("tests", "McpClientGen.Generator.Tests", "Golden", "Overlay");

    private static readonly InMemoryAdditionalText IssuesSnapshot = new("/schemas/issues.mcp.json", File.ReadAllText(Path.Combine(GoldenFolder, "issues.mcp.json")));

    private static readonly InMemoryAdditionalText IssuesOverlay = new("/schemas/issues.overlay.json", File.ReadAllText(Path.Combine(GoldenFolder, "issues.overlay.json")));

    [Fact]
    public void The_overlay_types_the_result_and_narrows_the_number_and_removing_it_turns_both_back()
    {
        var withOverlay = GetIssueAsync(IssuesSnapshot, IssuesOverlay);
        var without = GetIssueAsync(IssuesSnapshot);

        Assert.Equal("System.Threading.Tasks.Task<Issues.IIssuesClient.GetIssueResult>", withOverlay.ReturnType.ToDisplayString());
        Assert.Equal("long", Parameter(withOverlay, "issueNumber").Type.ToDisplayString());
        Assert.Equal("System.Threading.Tasks.Task<ModelContextProtocol.Protocol.CallToolResult>", without.ReturnType.ToDisplayString());
        Assert.Equal("double", Parameter(without, "issueNumber").Type.ToDisplayString());
    }

    [Fact]
    public void An_overlay_in_another_folder_does_not_apply()
    {
        var elsewhere = new InMemoryAdditionalText("/other/issues.overlay.json", IssuesOverlay.GetText()!.ToString());

        var (method, diagnostics) = Generate(IssuesSnapshot, elsewhere);

        Assert.Equal("double", Parameter(method, "issueNumber").Type.ToDisplayString());
        Assert.Equal("MCPGEN029", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void A_contradicting_member_is_left_out_and_the_rest_of_the_refinement_applies()
    {
        var overlay = Overlay("""{"owner":{"type":"integer","enum":["octo","hub"]}}""");

        var (method, diagnostics) = Generate(IssuesSnapshot, overlay);

        Assert.Equal("MCPGEN027", Assert.Single(diagnostics).Id);
        Assert.Equal("Issues.IIssuesClient.GetIssueOwner", Parameter(method, "owner").Type.ToDisplayString());
    }

    [Theory]
    [InlineData("""{"detail":{"enum":["summary"]}}""", null)]
    [InlineData("""{"detail":{"enum":["summary","brief"]}}""", "MCPGEN027")]
    [InlineData("""{"detail":{"type":["string","null"]}}""", "MCPGEN027")]
    [InlineData("""{"issue_number":{"type":["integer"]}}""", null)]
    [InlineData("""{"issue_number":{"type":"string"}}""", "MCPGEN027")]
    [InlineData("""{"owner":{"format":"email","description":"The login."}}""", null)]
    [InlineData("""{"detail":{"default":"full","description":"Reworded."}}""", null)]
    [InlineData("""{"owner":{"maxLength":39}}""", null)]
    [InlineData("""{"repo":{"type":"string","description":1}}""", null)]
    public void A_refinement_may_add_and_narrow_but_not_contradict(string refinements, string? expected)
    {
        var (_, diagnostics) = Generate(IssuesSnapshot, Overlay(refinements));

        Assert.Equal(expected is null ? [] : [expected], diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void An_output_schema_in_the_overlay_resolves_its_references_within_itself()
    {
        var overlay = new InMemoryAdditionalText("/schemas/issues.overlay.json", """
            {"tools":{"get_issue":{"outputSchema":{
              "type":"object","properties":{"user":{"$ref":"#/$defs/User"}},"required":["user"],
              "$defs":{"User":{"type":"object","properties":{"login":{"type":"string"}}}}}}}}
            """);

        var (method, diagnostics) = Generate(IssuesSnapshot, overlay);

        Assert.Empty(diagnostics);
        var result = (INamedTypeSymbol)((INamedTypeSymbol)method.ReturnType).TypeArguments[0];
        Assert.Equal("Issues.IIssuesClient.User", result.GetMembers("User").OfType<IPropertySymbol>().Single().Type.ToDisplayString());
    }

    private static InMemoryAdditionalText Overlay(string getIssueProperties) =>
        new("/schemas/issues.overlay.json", """{"tools":{"get_issue":{"inputSchema":{"properties":""" + getIssueProperties + "}}}}");

    private static IMethodSymbol GetIssueAsync(params AdditionalText[] files)
    {
        var (method, diagnostics) = Generate(files);
        Assert.Empty(diagnostics);
        return method;
    }

    /// <summary>The generated <c>GetIssueAsync</c> that takes parameters, and the generator's warnings and errors.</summary>
    private static (IMethodSymbol Method, List<Diagnostic> Diagnostics) Generate(params AdditionalText[] files)
    {
        var (output, diagnostics, _) = GeneratorHarness.Run(Interface, files);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems));
        var method = GeneratorHarness.VisibleMethods(output.GetTypeByMetadataName("Issues.IIssuesClient")!, "GetIssueAsync")
            .Single(m => m.Parameters.Any(p => p.Name == "owner"));
        return (method, diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList());
    }

    private static IParameterSymbol Parameter(IMethodSymbol method, string name) => method.Parameters.Single(p => p.Name == name);
}
