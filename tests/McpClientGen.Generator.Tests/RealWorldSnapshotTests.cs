using System.Text.Json;
using McpClientGen.Testing;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Tests;

/// <summary>
/// Snapshots of public MCP servers from npm, captured by <c>schemas/capture-npm-servers.sh</c> (server-everything's, with
/// its prompts, resources and resource templates, by the integration tests' <c>EverythingSnapshotTests</c>): schemas
/// written by other people's tooling must give a client that compiles without a single warning, with a method for every
/// tool, prompt, resource and resource template, with the overlay beside the snapshot when there is one.
/// </summary>
public sealed class RealWorldSnapshotTests
{
    [Theory]
    [InlineData("everything")]
    [InlineData("filesystem")]
    [InlineData("memory")]
    [InlineData("github")]
    public void Real_world_snapshot_gives_a_clean_client_with_a_method_per_entry(string name)
    {
        var path = RepositoryPaths.Combine("schemas", $"{name}.mcp.json");
        var snapshot = File.ReadAllText(path);
        var interfaceName = $"I{char.ToUpperInvariant(name[0])}{name[1..]}Client";

        var (output, generatorDiagnostics, driver) = GeneratorHarness.Run(
            $$"""
            namespace RealWorld;

            [McpClientGen.McpClient("{{name}}")]
            public partial interface {{interfaceName}} {}
            """,
            [new InMemoryAdditionalText($"/schemas/{name}.mcp.json", snapshot), .. Overlay(name)]);

        // A generator crash shows up as an exception on the run result and as CS8785 (or AD0001 from an analyzer).
        Assert.Null(driver.GetRunResult().Results.Single().Exception);
        var generatorProblems = generatorDiagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning || d.Id is "AD0001" or "CS8785")
            .ToList();
        Assert.True(generatorProblems.Count == 0, $"The generator reported:\n{string.Join("\n", generatorProblems)}");

        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, $"The generated client for {name} does not compile cleanly:\n{string.Join("\n", problems)}");

        // Count distinct method names, so extra overloads of one entry's method (say, a tool's taking an arguments
        // record) still count as one method for that entry.
        var generated = output.GetTypeByMetadataName($"RealWorld.{interfaceName}");
        Assert.NotNull(generated);
        var methodNames = generated.GetMembers()
            .OfType<IMethodSymbol>()
            .Where(method => method.MethodKind == MethodKind.Ordinary && method.Name.EndsWith("Async", StringComparison.Ordinal))
            .Select(method => method.Name)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        using var document = JsonDocument.Parse(snapshot);
        var entryCount = new[] { "tools", "prompts", "resources", "resourceTemplates" }
            .Sum(kind => document.RootElement.TryGetProperty(kind, out var entries) ? entries.GetArrayLength() : 0);
        Assert.True(
            methodNames.Count == entryCount,
            $"{entryCount} tools, prompts, resources and templates in {name}.mcp.json, but {methodNames.Count} methods on {interfaceName}: {string.Join(", ", methodNames)}");
    }

    /// <summary>
    /// The GitHub server publishes no output schema at all; its overlay types <c>get_issue</c> (the README's example)
    /// and nothing else, and without the overlay the method is untyped again.
    /// </summary>
    [Fact]
    public void The_github_overlay_types_get_issue_and_its_issue_number()
    {
        const string Source = """
            namespace RealWorld;

            [McpClientGen.McpClient("github")]
            public partial interface IGithubClient {}
            """;
        var snapshot = new InMemoryAdditionalText("/schemas/github.mcp.json", File.ReadAllText(RepositoryPaths.Combine("schemas", "github.mcp.json")));

        string Signature(params AdditionalText[] files) =>
            GeneratorHarness.VisibleMethods(GeneratorHarness.Run(Source, files).Output.GetTypeByMetadataName("RealWorld.IGithubClient")!, "GetIssueAsync")
                .Single(method => method.Parameters.Length > 3)
                .ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

        Assert.Equal(
            "Task<GetIssueResult> IGithubClient.GetIssueAsync(string owner, string repo, long issueNumber, IProgress<ProgressNotificationValue>? progress = null, CancellationToken cancellationToken = default(CancellationToken))",
            Signature([snapshot, .. Overlay("github")]));
        Assert.Equal(
            "Task<CallToolResult> IGithubClient.GetIssueAsync(string owner, string repo, double issueNumber, IProgress<ProgressNotificationValue>? progress = null, CancellationToken cancellationToken = default(CancellationToken))",
            Signature(snapshot));
    }

    private static AdditionalText[] Overlay(string name) =>
        File.Exists(RepositoryPaths.Combine("schemas", $"{name}.overlay.json"))
            ? [new InMemoryAdditionalText($"/schemas/{name}.overlay.json", File.ReadAllText(RepositoryPaths.Combine("schemas", $"{name}.overlay.json")))]
            : [];
}
