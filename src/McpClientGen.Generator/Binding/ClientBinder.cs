using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using McpClientGen.Generator.Common;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Model;
using McpClientGen.Generator.Parsing;

namespace McpClientGen.Generator.Binding;

/// <summary>
/// Pairs an annotated interface with the snapshot its <c>[McpClient]</c> names, and decides the client's
/// methods: the tools its filters select, the methods the user declared, and final names that avoid the
/// user's own members.
/// </summary>
internal static class ClientBinder
{
    /// <summary>Members of the generated class and its base that a tool method must not hide.</summary>
    private static readonly string[] ClassMemberNames = ["CallToolAsync", "CallToolForJsonAsync", "CallToolForTextAsync", "DisposeAsync", "Create", "CreateConnection", "SnapshotTool"];

    public static BoundClient Bind(ParsedInterface declaration, ImmutableArray<ParsedSnapshot> snapshots)
    {
        var diagnostics = new List<DiagnosticInfo>(declaration.Diagnostics);
        if (declaration.JsonContextProblem is { } jsonContextProblem)
        {
            diagnostics.Add(jsonContextProblem);
        }

        var client = Bind(declaration, snapshots, diagnostics);
        return new BoundClient(declaration.Diagnostics.Count == 0 ? client : null, diagnostics.ToEquatableArray());
    }

    private static ClientSpec? Bind(ParsedInterface declaration, ImmutableArray<ParsedSnapshot> snapshots, List<DiagnosticInfo> diagnostics)
    {
        if (declaration.SnapshotName.Length == 0)
        {
            return null;
        }

        var reference = SnapshotReference.Parse(declaration.SnapshotName);
        if (reference.WasFileName)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SnapshotNamedByFile, declaration.SnapshotNameLocation, declaration.SnapshotName, reference.Name));
        }

        var matches = snapshots
            .Where(s => string.Equals(s.Name, reference.Name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Path, StringComparer.Ordinal)
            .ToList();

        if (matches.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.SnapshotNotFound,
                declaration.SnapshotNameLocation,
                reference.Name,
                MissingSnapshot.Found(reference.Name, snapshots.Select(s => s.Name))));
            return null;
        }

        if (matches.Count > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.AmbiguousSnapshot,
                declaration.SnapshotNameLocation,
                reference.Name,
                string.Join(", ", matches.Select(s => s.Path))));
            return null;
        }

        // An unusable snapshot reports its own errors once, however many interfaces use it.
        var snapshot = matches[0];
        if (!snapshot.IsUsable)
        {
            return null;
        }

        var spec = UserTypeNames.Avoid(snapshot.Spec, declaration.SignatureTypeNames, declaration.MemberNames);

        var declared = new List<ToolMethodSpec>();
        var unbound = new List<UnboundMethodSpec>();
        foreach (var method in declaration.DeclaredTools)
        {
            var reportedBefore = diagnostics.Count;
            if (snapshot.InvalidOnly(method.WireName) is { } invalid)
            {
                // The snapshot's output reports the tool's problems as errors where they are written; this says which method needs it.
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DeclaredToolInvalid, method.WireNameLocation, method.WireName, snapshot.Name, invalid.Problems[0].Problem));
                unbound.Add(Unbound(method, spec, diagnostics.Skip(reportedBefore).Select(d => d.Id)));
            }
            else if (DeclaredToolBinder.Bind(method, spec, diagnostics) is { } bound)
            {
                declared.Add(bound);
            }
            else
            {
                unbound.Add(Unbound(method, spec, diagnostics.Skip(reportedBefore).Select(d => d.Id)));
            }
        }

        var declaredNames = new HashSet<string>(declaration.DeclaredTools.Select(method => method.WireName), StringComparer.Ordinal);

        // The class's own members and those it inherits from McpClientProxy are taken as well.
        // Method names all end in Async, so only members that do can clash; they are kept by their base name.
        var usedNames = new HashSet<string>(
            declaration.MemberNames.Concat(ClassMemberNames).Where(IsAsyncName).Select(BaseOf),
            StringComparer.Ordinal);
        // A search of the entries per tool would grow with the square of the tools: the locations are looked up by name.
        var toolLocations = snapshot.ToolLocations();
        var generated = SelectTools(declaration, snapshot, spec, diagnostics)
            .Where(tool => !declaredNames.Contains(tool.WireName))
            .Select(tool => Generated(tool, UniqueMethodName(tool.WireName, "tool", tool.MethodName, toolLocations.TryGetValue(tool.WireName, out var location) ? location : null, usedNames, diagnostics)))
            .ToList();

        // Prompts, then resources, take their names after the tools', as they do in the snapshot. The filters select them
        // by name too, so a client narrowed to a few tools does not grow a method for every prompt and resource.
        var prompts = spec.Prompts
            .Where(prompt => Selection(declaration).Selects(prompt.WireName))
            .Select(prompt => prompt with { MethodName = UniqueMethodName(prompt.WireName, "prompt", prompt.MethodName, declaration.SnapshotNameLocation, usedNames, diagnostics) })
            .ToEquatableArray();
        var resources = spec.Resources
            .Where(resource => Selection(declaration).Selects(resource.WireName))
            .Select(resource => resource with { MethodName = UniqueMethodName(resource.WireName, resource.IsTemplate ? "resource template" : "resource", resource.MethodName, declaration.SnapshotNameLocation, usedNames, diagnostics) })
            .ToEquatableArray();

        var methods = generated.Concat(declared)
            .OrderBy(method => method.Tool.WireName, StringComparer.Ordinal)
            .ThenBy(method => method.Name, StringComparer.Ordinal)
            .ToEquatableArray();
        return new ClientSpec(declaration.Spec, spec, methods, unbound.ToEquatableArray(), prompts, resources);
    }

    private static UnboundMethodSpec Unbound(DeclaredTool method, SnapshotSpec snapshot, IEnumerable<string> diagnosticIds) =>
        new(
            method.ExplicitSignature,
            $"'{method.MethodName}' is not implemented: its [McpTool(\"{method.WireName}\")] declaration does not fit the snapshot " +
            $"({string.Join(", ", diagnosticIds.Distinct())}). The build reports where; fix the declaration.",
            snapshot.Tools.FirstOrDefault(tool => tool.WireName == method.WireName));

    /// <summary>
    /// The valid tools <c>Include</c> and <c>Exclude</c> leave. A pattern that matches no tool, valid or not, is reported
    /// where it is written: excluding an invalid tool is what silences its warning.
    /// </summary>
    private static IEnumerable<ToolSpec> SelectTools(ParsedInterface declaration, ParsedSnapshot snapshot, SnapshotSpec spec, List<DiagnosticInfo> diagnostics)
    {
        var names = snapshot.Tools.Select(tool => tool.WireName).OfType<string>().Concat(spec.Prompts.Select(prompt => prompt.WireName))
            .Concat(spec.Resources.Select(resource => resource.WireName))
            .ToList();
        ReportUnmatched(declaration.Include, "Include", snapshot.Name, names, diagnostics);
        ReportUnmatched(declaration.Exclude, "Exclude", snapshot.Name, names, diagnostics);
        var selection = Selection(declaration);
        return spec.Tools.Where(tool => selection.Selects(tool.WireName));
    }

    private static ToolSelection Selection(ParsedInterface declaration) =>
        new(declaration.Include.Select(f => f.Pattern), declaration.Exclude.Select(f => f.Pattern));

    private static void ReportUnmatched(EquatableArray<ToolFilter> filters, string kind, string snapshotName, List<string> toolNames, List<DiagnosticInfo> diagnostics)
    {
        foreach (var filter in filters)
        {
            var pattern = ToolSelection.Pattern(filter.Pattern);
            if (!toolNames.Any(pattern.IsMatch))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FilterMatchesNothing, filter.Location, kind, filter.Pattern, snapshotName));
            }
        }
    }

    /// <summary>The method name of a tool or prompt, unless the user declared a member with that name: then <c>Name2Async</c>, ...</summary>
    private static string UniqueMethodName(string wireName, string kind, string preferred, Microsoft.CodeAnalysis.Location? location, HashSet<string> usedNames, List<DiagnosticInfo> diagnostics)
    {
        var name = UniqueNames.Reserve(usedNames, BaseOf(preferred)) + "Async";
        if (name != preferred)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, location, wireName, kind, preferred, name));
        }

        return name;
    }

    private static bool IsAsyncName(string name) => name.EndsWith("Async", StringComparison.Ordinal);

    private static string BaseOf(string asyncName) => asyncName.Substring(0, asyncName.Length - "Async".Length);

    private static ToolMethodSpec Generated(ToolSpec tool, string name) =>
        new(
            tool,
            name,
            tool.Parameters
                .Select(property => new ParameterBinding(property, property.ParameterName, property.IsNullableInCSharp, property.IsOptionalInCSharp ? "null" : null))
                .ToEquatableArray(),
            tool.Result is null ? ToolReturn.CallToolResult : ToolReturn.Typed,
            "cancellationToken",
            ProgressParameterName(tool),
            IsDeclared: false);

    /// <summary>
    /// <c>progress</c>, unless a tool property already took that parameter name: then <c>progressReporter</c>, and
    /// after that a number, so no tool's existing parameter is ever renamed.
    /// </summary>
    private static string ProgressParameterName(ToolSpec tool)
    {
        var taken = new HashSet<string>(tool.Parameters.Select(property => property.ParameterName.TrimStart('@')), StringComparer.Ordinal);
        var name = taken.Contains("progress") ? "progressReporter" : "progress";
        for (var suffix = 2; taken.Contains(name); suffix++)
        {
            name = "progressReporter" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}
