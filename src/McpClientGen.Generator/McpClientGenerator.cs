using System;
using System.Linq;
using McpClientGen.Generator.Binding;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Emitting;
using McpClientGen.Generator.Model;
using McpClientGen.Generator.Parsing;
using McpClientGen.Generator.Parsing.Overlays;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace McpClientGen.Generator;

/// <summary>
/// Generates typed MCP clients: <c>[McpClient("name")]</c> interfaces are bound to <c>name.mcp.json</c>
/// snapshots (each merged with the <c>name.overlay.json</c> beside it, if any), and each pair becomes interface
/// members, records, enums and an implementation class.
/// </summary>
/// <remarks>
/// Reading and binding give two things: a location-free model, the only input of emission, and diagnostics,
/// reported by outputs of their own (as System.Text.Json's generator does). An edit that only moves text, even in
/// the interface's own file, changes the diagnostics' locations but leaves the model equal, so nothing is
/// re-emitted; every step is named so tests can prove it.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class McpClientGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var interfaces = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                InterfaceParser.McpClientAttribute,
                static (node, _) => node is InterfaceDeclarationSyntax,
                static (syntaxContext, cancellationToken) => InterfaceParser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.Interfaces);

        var snapshotFiles = context.AdditionalTextsProvider
            .Where(static file => SnapshotParser.IsSnapshotPath(file.Path))
            .WithTrackingName(TrackingNames.SnapshotFiles);
        var overlayFiles = context.AdditionalTextsProvider
            .Where(static file => OverlayPaths.IsOverlayPath(file.Path))
            .WithTrackingName(TrackingNames.OverlayFiles);

        // What every client takes from its snapshot, without locations: which snapshots and tools are validated.
        var usages = interfaces
            .Select(static (declaration, _) => SnapshotUsage.Of(declaration))
            .Collect()
            .Select(static (all, _) => all.ToEquatableArray())
            .WithTrackingName(TrackingNames.Usages);
        var usedNames = usages
            .Select(static (all, _) => all.Select(usage => usage.SnapshotName).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(name => name, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.UsedSnapshotNames);

        // Each snapshot is paired with its overlay first, so an edit to one overlay reads only its snapshot again. A
        // snapshot no client names is not read at all: only its name counts (MCPGEN001 lists it), so it cannot fail
        // the build, and editing it changes nothing.
        var snapshots = snapshotFiles
            .Combine(overlayFiles.Collect())
            .Select(static (pair, _) => SnapshotSources.Of(pair.Left, pair.Right))
            .Combine(usedNames)
            .Select(static (pair, _) => pair.Left.UsedBy(pair.Right))
            .WithTrackingName(TrackingNames.SnapshotSources)
            .Select(static (sources, cancellationToken) => SnapshotParser.Parse(sources, cancellationToken))
            .WithTrackingName(TrackingNames.Snapshots);

        var bindings = interfaces
            .Combine(snapshots.Collect().WithTrackingName(TrackingNames.AllSnapshots))
            .WithTrackingName(TrackingNames.InterfacesWithSnapshots)
            .Select(static (pair, _) => ClientBinder.Bind(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Bindings);

        var clients = bindings
            .Select(static (binding, _) => binding.Client)
            .WithTrackingName(TrackingNames.Clients);

        context.RegisterSourceOutput(
            snapshots
                .Combine(usages)
                .Select(static (pair, _) => SnapshotDiagnostics.For(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.SnapshotDiagnostics),
            ReportDiagnostics);
        context.RegisterSourceOutput(
            bindings.Select(static (binding, _) => binding.Diagnostics).WithTrackingName(TrackingNames.ClientDiagnostics),
            ReportDiagnostics);
        context.RegisterSourceOutput(
            overlayFiles
                .Combine(snapshotFiles.Select(static (file, _) => file.Path).Collect())
                .Select(static (pair, _) => UnmatchedOverlay.Diagnose(pair.Left.Path, pair.Right))
                .WithTrackingName(TrackingNames.OverlayDiagnostics),
            ReportDiagnostics);
        context.RegisterSourceOutput(clients, Emit);
    }

    private static void ReportDiagnostics(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    private static void Emit(SourceProductionContext context, ClientSpec? client)
    {
        if (client is null)
        {
            return;
        }

        context.AddSource(client.Interface.HintPrefix + ".g.cs", InterfaceEmitter.Emit(client));
        context.AddSource(client.Interface.HintPrefix + ".Client.g.cs", ClientClassEmitter.Emit(client));
        if (client.Interface.HasAITools)
        {
            context.AddSource(client.Interface.HintPrefix + ".AITools.g.cs", AIToolsEmitter.Emit(client));
        }
    }
}
