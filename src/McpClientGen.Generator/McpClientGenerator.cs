using System.Linq;
using McpClientGen.Generator.Emitting;
using McpClientGen.Generator.Model;
using McpClientGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace McpClientGen.Generator;

/// <summary>
/// Generates typed MCP clients: <c>[McpClient("name")]</c> interfaces are bound to <c>name.mcp.json</c>
/// snapshots, and each pair becomes interface members, records, enums and an implementation class.
/// </summary>
/// <remarks>
/// The pipeline only moves value-equatable models, so an edit that changes neither an annotated interface
/// nor its snapshot re-emits nothing; every step is named so tests can prove it.
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

        var snapshots = context.AdditionalTextsProvider
            .Where(static file => SnapshotParser.IsSnapshotPath(file.Path))
            .Select(static (file, cancellationToken) => SnapshotParser.Parse(file.Path, file.GetText(cancellationToken), cancellationToken))
            .WithTrackingName(TrackingNames.Snapshots);

        var clients = interfaces
            .Combine(snapshots.Collect())
            .Select(static (pair, _) => ClientBinder.Bind(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Clients);

        context.RegisterSourceOutput(snapshots.Select(static (s, _) => s.Diagnostics).WithTrackingName(TrackingNames.SnapshotDiagnostics), ReportDiagnostics);
        context.RegisterSourceOutput(clients, Emit);
    }

    private static void ReportDiagnostics(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    private static void Emit(SourceProductionContext context, ClientSpec client)
    {
        ReportDiagnostics(context, client.Interface.Diagnostics);
        ReportDiagnostics(context, client.Diagnostics);
        if (client.Snapshot is null || client.Interface.Diagnostics.Any())
        {
            return;
        }

        context.AddSource(client.Interface.HintPrefix + ".g.cs", InterfaceEmitter.Emit(client, client.Snapshot));
        context.AddSource(client.Interface.HintPrefix + ".Client.g.cs", ClientClassEmitter.Emit(client, client.Snapshot));
    }
}
