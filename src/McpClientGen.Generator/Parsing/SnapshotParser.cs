using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using McpClientGen.Generator.Common;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Model;
using McpClientGen.Generator.Parsing.Json;
using McpClientGen.Generator.Parsing.Overlays;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace McpClientGen.Generator.Parsing;

/// <summary>
/// Reads a <c>*.mcp.json</c> snapshot: what <c>mcpgen snapshot</c> writes (<c>{"server":…,"protocolVersion":…,"tools":[…]}</c>,
/// with optional <c>"prompts"</c>, <c>"resources"</c> and <c>"resourceTemplates"</c> arrays beside the tools; see the
/// README's <c>mcpgen</c> section), a bare
/// <c>{"tools":[…]}</c>, or a bare array of tools. Every problem
/// becomes a diagnostic with a line and column; nothing here throws.
/// </summary>
internal static class SnapshotParser
{
    public const string FileSuffix = ".mcp.json";

    public static bool IsSnapshotPath(string path) => path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary><c>schemas/crm.mcp.json</c> is the snapshot named <c>crm</c>.</summary>
    public static string NameOf(string path)
    {
        var fileName = System.IO.Path.GetFileName(path);
        return fileName.Substring(0, fileName.Length - FileSuffix.Length);
    }

    /// <summary>Reads a snapshot with its overlay, if it has one; of a snapshot no client names, only the name.</summary>
    public static ParsedSnapshot Parse(SnapshotSources sources, CancellationToken cancellationToken) =>
        !sources.IsUsed ? Unused(sources.Snapshot.Path) : Parse(
            sources.Snapshot.Path,
            sources.Snapshot.GetText(cancellationToken),
            sources.Overlay is { } overlay ? (overlay.Path, overlay.GetText(cancellationToken)) : null,
            cancellationToken);

    private static ParsedSnapshot Parse(string path, SourceText? text, (string Path, SourceText? Text)? overlay, CancellationToken cancellationToken)
    {
        var name = NameOf(path);
        var context = new SnapshotContext(name, new JsonSource(path, text ?? SourceText.From("")));
        if (text is null)
        {
            context.Report(DiagnosticDescriptors.InvalidSnapshotJson, context.LocationAt(0), name, "the file could not be read");
            return Build(context, EquatableArray<ToolSpec>.Empty, []);
        }

        JsonNode root;
        try
        {
            root = JsonParser.Parse(context.File);
        }
        catch (JsonParseException exception)
        {
            var position = text.Lines.GetLinePosition(Math.Min(exception.Offset, text.Length));
            var message = $"{exception.Message} (line {position.Line + 1}, column {position.Character + 1})";
            context.Report(DiagnosticDescriptors.InvalidSnapshotJson, context.LocationAt(exception.Offset), name, message);
            return Build(context, EquatableArray<ToolSpec>.Empty, []);
        }

        var toolsNode = root.Kind == JsonKind.Array ? root : root["tools"];
        if (toolsNode is not { Kind: JsonKind.Array })
        {
            context.ReportStructure(toolsNode ?? root, "expected an array of tools, or an object with a 'tools' array");
            return Build(context, EquatableArray<ToolSpec>.Empty, []);
        }

        // Tools are mapped in name order, so generated names do not depend on the order the server listed them in.
        var toolNodes = toolsNode.Items
            .OrderBy(node => node.Kind == JsonKind.Object ? node.StringOf("name") ?? "" : "", StringComparer.Ordinal)
            .ToList();
        var tools = new List<ToolSpec>();
        var entries = new List<ParsedTool>();
        var wireNames = new HashSet<string>(StringComparer.Ordinal);
        var methodNames = new NameSet();
        var toolNames = toolNodes.Where(node => node.Kind == JsonKind.Object).Select(node => node.StringOf("name")).Where(n => n is not null).ToList();

        var promptNodes = PromptReader.EntriesOf(context, root);
        var resourceNodes = ResourceReader.ResourcesOf(context, root);
        var templateNodes = ResourceReader.TemplatesOf(context, root);

        // Methods and the generated types are members of the same interface, so no type may take a method's name.
        foreach (var toolName in toolNames)
        {
            context.TypeNames.Add(Naming.ToPascalCase(toolName!, "Tool") + "Async");
        }

        foreach (var promptName in promptNodes.Where(node => node.Kind == JsonKind.Object).Select(node => node.StringOf("name")).OfType<string>())
        {
            context.TypeNames.Add(PromptReader.MethodBaseOf(promptName) + "Async");
        }

        foreach (var resourceName in resourceNodes.Concat(templateNodes).Where(node => node.Kind == JsonKind.Object).Select(node => node.StringOf("name")).OfType<string>())
        {
            context.TypeNames.Add(ResourceReader.MethodBaseOf(resourceName) + "Async");
        }

        var overlays = ReadOverlay(context, overlay, toolNames!);
        foreach (var toolNode in toolNodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var toolOverlay = toolNode.Kind == JsonKind.Object && toolNode.StringOf("name") is { } toolName && overlays.TryGetValue(toolName, out var found) ? found : null;
            var (entry, tool) = ToolReader.Read(context, toolNode, wireNames, methodNames, toolOverlay);
            entries.Add(entry);
            if (tool is not null)
            {
                tools.Add(tool);
            }
        }

        // Prompts, then resources, are named after the tools, so a snapshot's tool methods are named as they were before
        // it had either.
        var prompts = PromptReader.Read(context, promptNodes, methodNames);
        var resources = ResourceReader.Read(context, resourceNodes, templateNodes, methodNames);
        return Build(context, tools.ToEquatableArray(), entries, prompts, resources);
    }

    /// <summary>
    /// The overlay's entries by tool name. An entry for a tool the snapshot lacks is a warning, not an error: a tool
    /// the server dropped leaves its entry behind, and that must not break the build.
    /// </summary>
    private static Dictionary<string, ToolOverlay> ReadOverlay(SnapshotContext context, (string Path, SourceText? Text)? overlay, IReadOnlyCollection<string> toolNames)
    {
        var byName = new Dictionary<string, ToolOverlay>(StringComparer.Ordinal);
        if (overlay is not { } file)
        {
            return byName;
        }

        if (file.Text is null)
        {
            context.ReportOverlayProblem(DiagnosticDescriptors.InvalidOverlay, Location.Create(file.Path, default, default), System.IO.Path.GetFileName(file.Path), "the file could not be read");
            return byName;
        }

        var known = new HashSet<string>(toolNames, StringComparer.Ordinal);
        foreach (var tool in OverlayReader.Read(context, new JsonSource(file.Path, file.Text)))
        {
            if (known.Contains(tool.Name.Text!))
            {
                byName[tool.Name.Text!] = tool;
            }
            else
            {
                context.ReportOverlayProblem(
                    DiagnosticDescriptors.OverlayToolNotFound, tool.Name.Location, OverlayPaths.FileNameOf(tool.Name), tool.Name.Text!, context.Name);
            }
        }

        return byName;
    }

    private static ParsedSnapshot Unused(string path) =>
        new(
            path,
            new SnapshotSpec(NameOf(path), EquatableArray<ToolSpec>.Empty, EquatableArray<RecordSpec>.Empty, EquatableArray<EnumSpec>.Empty, EquatableArray<PromptSpec>.Empty, EquatableArray<ResourceSpec>.Empty),
            IsUsable: false,
            EquatableArray<ParsedTool>.Empty,
            EquatableArray<DiagnosticInfo>.Empty);

    private static ParsedSnapshot Build(
        SnapshotContext context,
        EquatableArray<ToolSpec> tools,
        List<ParsedTool> entries,
        EquatableArray<PromptSpec> prompts = default,
        EquatableArray<ResourceSpec> resources = default) =>
        new(
            context.Path,
            new SnapshotSpec(
                context.Name,
                tools,
                context.Records.OrderBy(r => r.Name, StringComparer.Ordinal).ToEquatableArray(),
                context.Enums.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray(),
                prompts,
                resources),
            !context.HasErrors,
            entries.ToEquatableArray(),
            context.Diagnostics.ToEquatableArray());
}
