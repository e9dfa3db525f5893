using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Model;
using McpClientGen.Generator.Parsing;

namespace McpClientGen.Generator.Binding;

/// <summary>
/// What is reported about a snapshot, given every client's use of it. A snapshot no client names reports nothing,
/// whatever its contents (a stray <c>*.mcp.json</c> must not break the build). Of a snapshot in use, the file's own
/// problems are reported, and each tool's only when a client selects it or declares a method for it: an invalid
/// tool is skipped with a warning, or is an error when a declared method needs it.
/// </summary>
internal static class SnapshotDiagnostics
{
    public static EquatableArray<DiagnosticInfo> For(ParsedSnapshot snapshot, EquatableArray<SnapshotUsage> usages)
    {
        var users = usages.Where(usage => usage.Names(snapshot.Name)).ToList();
        if (users.Count == 0)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var selections = users.Select(usage => usage.Selection()).ToList();
        var diagnostics = new List<DiagnosticInfo>(snapshot.Diagnostics);
        foreach (var tool in snapshot.Tools)
        {
            if (tool.WireName is not { } wireName)
            {
                diagnostics.AddRange(tool.Problems.Select(p => DiagnosticInfo.Create(DiagnosticDescriptors.UnnamedToolSkipped, p.Location, snapshot.Name, p.Problem)));
                continue;
            }

            var declared = users.Any(usage => usage.Declares(wireName));
            if (!declared && !selections.Any(selection => selection.Selects(wireName)))
            {
                continue;
            }

            // A declared method needs this entry only when the name has no valid one.
            var needed = declared && snapshot.InvalidOnly(wireName) is not null;
            if (tool.IsValid || needed)
            {
                diagnostics.AddRange(tool.Diagnostics);
            }

            diagnostics.AddRange(tool.Problems.Select(p => needed
                ? DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSnapshotStructure, p.Location, snapshot.Name, p.Problem)
                : DiagnosticInfo.Create(DiagnosticDescriptors.InvalidToolSkipped, p.Location, wireName, snapshot.Name, p.Problem)));
        }

        return diagnostics.ToEquatableArray();
    }
}
