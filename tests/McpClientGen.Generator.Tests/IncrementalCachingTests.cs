using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace McpClientGen.Generator.Tests;

/// <summary>Proves with the tracked pipeline steps that edits re-emit only what they affect.</summary>
public sealed class IncrementalCachingTests
{
    private const string Interfaces = """
        namespace App;

        [McpClientGen.McpClient("alpha")]
        public partial interface IAlphaClient;

        [McpClientGen.McpClient("beta")]
        public partial interface IBetaClient;
        """;

    private static readonly InMemoryAdditionalText Alpha = new("/schemas/alpha.mcp.json", Snapshot("alpha_tool"));
    private static readonly InMemoryAdditionalText Beta = new("/schemas/beta.mcp.json", Snapshot("beta_tool"));

    [Fact]
    public void Unrelated_code_edit_leaves_every_step_cached_and_re_emits_nothing()
    {
        var compilation = GeneratorHarness.Compilation(Interfaces, "namespace App; public class Other { }");
        var driver = GeneratorHarness.Driver(Alpha, Beta).RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("namespace App; public class Other { public int Changed; }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllOutputs(result, TrackingNames.Interfaces, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertAllOutputs(result, TrackingNames.Clients, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertAllOutputs(result, TrackingNames.Snapshots, IncrementalStepRunReason.Cached);
        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output was {output.Reason}"));
    }

    /// <summary>
    /// Text moves in the interface's own file: the interfaces are read again and the diagnostic moves with its
    /// pattern, but the models that drive emission are equal, so neither generated file is produced again.
    /// </summary>
    [Theory]
    [InlineData("[McpClientGen.McpClient(\"alpha\"", "// A comment above the interface.\n[McpClientGen.McpClient(\"alpha\"")]
    [InlineData("namespace App;\n", "namespace App;\n\n")]
    public void Moving_text_in_the_interfaces_own_file_moves_its_diagnostics_and_re_emits_nothing(string before, string after)
    {
        const string source = """
            namespace App;

            [McpClientGen.McpClient("alpha", Include = new[] { "alpha_*", "no_such_tool" })]
            public partial interface IAlphaClient;

            [McpClientGen.McpClient("beta")]
            public partial interface IBetaClient;
            """;
        var compilation = GeneratorHarness.Compilation(source);
        var driver = GeneratorHarness.Driver(Alpha, Beta).RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(source.Replace(before, after, StringComparison.Ordinal), GeneratorHarness.ParseOptions, path: "Source0.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // The edit was seen: the interfaces were read again and the unmatched pattern's warning is one line lower.
        AssertAllOutputs(result, TrackingNames.Interfaces, IncrementalStepRunReason.Modified);
        Assert.Equal(
            first.Diagnostics.Single().Location.GetLineSpan().StartLinePosition.Line + 1,
            result.Diagnostics.Single().Location.GetLineSpan().StartLinePosition.Line);

        // Nothing was emitted again.
        AssertAllOutputs(result, TrackingNames.Clients, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        var emission = result.TrackedOutputSteps.SelectMany(step => step.Value)
            .Where(run => run.Inputs.Any(input => input.Source.Name == TrackingNames.Clients))
            .SelectMany(run => run.Outputs)
            .ToList();
        Assert.Equal(2, emission.Count); // one per client
        Assert.All(emission, output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an emission output was {output.Reason}"));
        Assert.Equal(6, result.GeneratedSources.Length); // interface, class and AI tools of each client
    }

    [Fact]
    public void Editing_one_snapshot_re_emits_only_its_client()
    {
        var compilation = GeneratorHarness.Compilation(Interfaces);
        var driver = GeneratorHarness.Driver(Alpha, Beta).RunGenerators(compilation);

        var changedAlpha = new InMemoryAdditionalText(Alpha.Path, Snapshot("alpha_tool_renamed"));
        driver = driver.ReplaceAdditionalText(Alpha, changedAlpha);
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        AssertOnlyAlphaReEmitted(result);
        Assert.Contains(result.GeneratedSources, source => source.SourceText.ToString().Contains("AlphaToolRenamedAsync", StringComparison.Ordinal));
    }

    /// <summary>
    /// The revision a snapshot was captured with is provenance for the reader of the file: recapturing the same tools
    /// on 2026-07-28 after 2025-11-25 (or the reverse) is read without a diagnostic and gives the same client.
    /// </summary>
    [Theory]
    [InlineData("2025-11-25", "2026-07-28")]
    [InlineData("2026-07-28", "2025-11-25")]
    public void Recapturing_the_same_tools_with_another_protocol_revision_re_emits_nothing(string before, string after)
    {
        var compilation = GeneratorHarness.Compilation(Interfaces);
        var captured = new InMemoryAdditionalText(Alpha.Path, WithRevision(before));
        var driver = GeneratorHarness.Driver(captured, Beta).RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();

        driver = driver.ReplaceAdditionalText(captured, new InMemoryAdditionalText(Alpha.Path, WithRevision(after)));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Empty(first.Diagnostics);
        Assert.Empty(result.Diagnostics);
        // The file was read again, and what was read equals what was read before.
        Assert.Contains(result.TrackedSteps[TrackingNames.Snapshots].SelectMany(run => run.Outputs), output => output.Reason == IncrementalStepRunReason.Unchanged);
        AssertAllOutputs(result, TrackingNames.Clients, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.Equal(
            first.GeneratedSources.Select(source => source.SourceText.ToString()),
            result.GeneratedSources.Select(source => source.SourceText.ToString()));

        static string WithRevision(string revision) =>
            $$"""{"server":{"name":"alpha","version":"1.0.0"},"protocolVersion":"{{revision}}",{{Snapshot("alpha_tool")[1..]}}""";
    }

    [Fact]
    public void Adding_or_editing_one_overlay_re_emits_only_the_client_of_its_snapshot()
    {
        var compilation = GeneratorHarness.Compilation(Interfaces);
        var driver = GeneratorHarness.Driver(Alpha, Beta).RunGenerators(compilation);

        var overlay = new InMemoryAdditionalText("/schemas/alpha.overlay.json", Overlay("alpha_tool", "integer"));
        driver = driver.AddAdditionalTexts([overlay]);
        var added = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        AssertOnlyAlphaReEmitted(added);
        Assert.Contains(added.GeneratedSources, source => source.SourceText.ToString().Contains("Task<AlphaToolResult> AlphaToolAsync", StringComparison.Ordinal));

        driver = driver.ReplaceAdditionalText(overlay, new InMemoryAdditionalText(overlay.Path, Overlay("alpha_tool", "string")));
        var edited = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        AssertOnlyAlphaReEmitted(edited);
        Assert.Contains(edited.GeneratedSources, source => source.SourceText.ToString().Contains("required string Count", StringComparison.Ordinal));
    }

    [Fact]
    public void Editing_an_overlay_of_another_snapshot_re_emits_nothing()
    {
        var compilation = GeneratorHarness.Compilation(Interfaces);
        var gamma = new InMemoryAdditionalText("/schemas/gamma.mcp.json", Snapshot("gamma_tool"));
        var gammaOverlay = new InMemoryAdditionalText("/schemas/gamma.overlay.json", Overlay("gamma_tool", "integer"));
        var driver = GeneratorHarness.Driver(Alpha, Beta, gamma, gammaOverlay).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(gammaOverlay, new InMemoryAdditionalText(gammaOverlay.Path, Overlay("gamma_tool", "string")));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        // No client names gamma, so it is not read: the edit changes no snapshot and re-emits nothing.
        AssertAllOutputs(result, TrackingNames.Clients, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertAllOutputs(result, TrackingNames.Snapshots, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    /// <summary>Alpha's snapshot was read again and its client re-emitted; beta's were left alone.</summary>
    private static void AssertOnlyAlphaReEmitted(GeneratorRunResult result)
    {
        var clients = result.TrackedSteps[TrackingNames.Clients].SelectMany(run => run.Outputs).ToList();
        Assert.Equal(2, clients.Count);
        Assert.Single(clients, output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(clients, output => output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        var snapshots = result.TrackedSteps[TrackingNames.Snapshots].SelectMany(run => run.Outputs).ToList();
        Assert.Single(snapshots, output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(snapshots, output => output.Reason == IncrementalStepRunReason.Cached);
        var modified = (Model.ClientSpec)clients.Single(output => output.Reason == IncrementalStepRunReason.Modified).Value;
        Assert.Equal("IAlphaClient", modified.Interface.Name);
    }

    /// <summary>
    /// A stray <c>*.mcp.json</c> that no client names (here a raw JSON-RPC response, then not even JSON) reports
    /// nothing, and editing it reads nothing again and re-emits nothing.
    /// </summary>
    [Fact]
    public void An_unnamed_broken_snapshot_reports_nothing_and_its_edits_re_emit_nothing()
    {
        var compilation = GeneratorHarness.Compilation(Interfaces);
        var stray = new InMemoryAdditionalText("/schemas/stray.mcp.json", """{"jsonrpc":"2.0","id":1,"result":{"tools":[{"name":"x"}]}}""");
        var driver = GeneratorHarness.Driver(Alpha, Beta, stray).RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);

        driver = driver.ReplaceAdditionalText(stray, new InMemoryAdditionalText(stray.Path, "{ not json"));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Empty(result.Diagnostics);
        AssertAllOutputs(result, TrackingNames.Snapshots, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertAllOutputs(result, TrackingNames.Clients, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertAllOutputs(result, TrackingNames.SnapshotDiagnostics, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Adding_an_unrelated_additional_file_re_emits_nothing()
    {
        var compilation = GeneratorHarness.Compilation(Interfaces);
        var driver = GeneratorHarness.Driver(Alpha, Beta).RunGenerators(compilation);

        driver = driver.AddAdditionalTexts([new InMemoryAdditionalText("/docs/readme.txt", "not a snapshot")]);
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        AssertAllOutputs(result, TrackingNames.Clients, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertAllOutputs(result, TrackingNames.Snapshots, IncrementalStepRunReason.Cached);
    }

    /// <summary>
    /// The JSON context lives in another file than the interface, and the checks read its attributes: listing the
    /// declared type there is seen (MCPGEN019 goes, the method is generated), and an unrelated edit after that
    /// re-emits nothing.
    /// </summary>
    [Fact]
    public void Listing_a_declared_result_in_the_json_context_in_another_file_is_seen_and_then_cached()
    {
        const string client = """
            namespace App;

            [McpClientGen.McpClient("alpha", JsonContext = typeof(AlphaJson))]
            public partial interface IAlphaClient
            {
                [McpClientGen.McpTool("alpha_tool")]
                System.Threading.Tasks.Task<Found> FindAsync(string id);
            }

            public sealed record Found(string Name);
            """;
        static string Context(string attributes) => $$"""
            namespace App;

            {{attributes}}
            internal sealed partial class AlphaJson : System.Text.Json.Serialization.JsonSerializerContext
            {
                private AlphaJson() : base(null) { }
                public static AlphaJson Default { get; } = new();
                protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
                public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(System.Type type) => null;
            }
            """;
        var compilation = GeneratorHarness.Compilation(client, Context(""), "namespace App; public class Other { }");
        var driver = GeneratorHarness.Driver(Alpha).RunGenerators(compilation);
        Assert.Equal(["MCPGEN019"], driver.GetRunResult().Diagnostics.Select(d => d.Id));

        var listed = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.ElementAt(1),
            CSharpSyntaxTree.ParseText(Context("[System.Text.Json.Serialization.JsonSerializable(typeof(Found))]"), GeneratorHarness.ParseOptions, path: "Source1.cs"));
        driver = driver.RunGenerators(listed);
        var fixedRun = driver.GetRunResult();
        Assert.Empty(fixedRun.Diagnostics);
        Assert.Contains(fixedRun.GeneratedTrees, tree => tree.ToString().Contains("CallToolAsync<global::App.Found>(\"alpha_tool\", __arguments, global::App.AlphaJson.Default", StringComparison.Ordinal));

        var unrelated = listed.ReplaceSyntaxTree(
            listed.SyntaxTrees.ElementAt(2),
            CSharpSyntaxTree.ParseText("namespace App; public class Other { public int Changed; }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(unrelated).GetRunResult().Results.Single();
        AssertAllOutputs(result, TrackingNames.Clients, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output was {output.Reason}"));
    }

    private static void AssertAllOutputs(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        var outputs = result.TrackedSteps[step].SelectMany(run => run.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Contains(output.Reason, allowed));
    }

    /// <summary>An overlay giving the tool a result with one required <c>count</c> of the given JSON type.</summary>
    private static string Overlay(string toolName, string countType) =>
        $$$$$"""{"tools":{"{{{{{toolName}}}}}":{"outputSchema":{"type":"object","properties":{"count":{"type":"{{{{{countType}}}}}"}},"required":["count"]}}}}""";

    private static string Snapshot(string toolName) =>
        $$$"""{"tools":[{"name":"{{{toolName}}}","inputSchema":{"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}}]}""";
}
