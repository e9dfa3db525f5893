using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
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

        var matches = snapshots
            .Where(s => string.Equals(s.Name, declaration.SnapshotName, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Path, StringComparer.Ordinal)
            .ToList();

        if (matches.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SnapshotNotFound, declaration.SnapshotNameLocation, declaration.SnapshotName));
            return null;
        }

        if (matches.Count > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.AmbiguousSnapshot,
                declaration.SnapshotNameLocation,
                declaration.SnapshotName,
                string.Join(", ", matches.Select(s => s.Path))));
            return null;
        }

        // An unusable snapshot reports its own errors once, however many interfaces use it.
        var snapshot = matches[0];
        if (!snapshot.IsUsable)
        {
            return null;
        }

        var declared = new List<ToolMethodSpec>();
        var unbound = new List<UnboundMethodSpec>();
        foreach (var method in declaration.DeclaredTools)
        {
            var reportedBefore = diagnostics.Count;
            if (DeclaredToolBinder.Bind(method, snapshot.Spec, diagnostics) is { } bound)
            {
                declared.Add(bound);
            }
            else
            {
                unbound.Add(Unbound(method, snapshot.Spec, diagnostics.Skip(reportedBefore).Select(d => d.Id)));
            }
        }

        var declaredNames = new HashSet<string>(declaration.DeclaredTools.Select(method => method.WireName), StringComparer.Ordinal);

        // The class's own members and those it inherits from McpClientProxy are taken as well.
        // Method names all end in Async, so only members that do can clash; they are kept by their base name.
        var usedNames = new HashSet<string>(
            declaration.MemberNames.Concat(ClassMemberNames).Where(IsAsyncName).Select(BaseOf),
            StringComparer.Ordinal);
        var generated = SelectTools(declaration, snapshot.Spec, diagnostics)
            .Where(tool => !declaredNames.Contains(tool.WireName))
            .Select(tool => Generated(tool, UniqueMethodName(tool, snapshot, usedNames, diagnostics)))
            .ToList();

        var methods = generated.Concat(declared)
            .OrderBy(method => method.Tool.WireName, StringComparer.Ordinal)
            .ThenBy(method => method.Name, StringComparer.Ordinal)
            .ToEquatableArray();
        return new ClientSpec(declaration.Spec, snapshot.Spec, methods, unbound.ToEquatableArray());
    }

    private static UnboundMethodSpec Unbound(DeclaredTool method, SnapshotSpec snapshot, IEnumerable<string> diagnosticIds) =>
        new(
            method.ExplicitSignature,
            $"'{method.MethodName}' is not implemented: its [McpTool(\"{method.WireName}\")] declaration does not fit the snapshot " +
            $"({string.Join(", ", diagnosticIds.Distinct())}). The build reports where; fix the declaration.",
            snapshot.Tools.FirstOrDefault(tool => tool.WireName == method.WireName));

    /// <summary>The tools <c>Include</c> and <c>Exclude</c> leave; a pattern that matches no tool is reported where it is written.</summary>
    private static IEnumerable<ToolSpec> SelectTools(ParsedInterface declaration, SnapshotSpec snapshot, List<DiagnosticInfo> diagnostics)
    {
        var include = Compile(declaration.Include, "Include", snapshot, diagnostics);
        var exclude = Compile(declaration.Exclude, "Exclude", snapshot, diagnostics);
        return snapshot.Tools.Where(tool =>
            (declaration.Include.Count == 0 || include.Any(pattern => pattern.IsMatch(tool.WireName)))
            && !exclude.Any(pattern => pattern.IsMatch(tool.WireName)));
    }

    private static List<Regex> Compile(EquatableArray<ToolFilter> filters, string kind, SnapshotSpec snapshot, List<DiagnosticInfo> diagnostics)
    {
        var patterns = new List<Regex>();
        foreach (var filter in filters)
        {
            var pattern = new Regex("^" + Regex.Escape(filter.Pattern).Replace("\\*", ".*") + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
            if (!snapshot.Tools.Any(tool => pattern.IsMatch(tool.WireName)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FilterMatchesNothing, filter.Location, kind, filter.Pattern, snapshot.Name));
            }

            patterns.Add(pattern);
        }

        return patterns;
    }

    /// <summary>The tool's method name, unless the user declared a member with that name: then <c>Name2Async</c>, ...</summary>
    private static string UniqueMethodName(ToolSpec tool, ParsedSnapshot snapshot, HashSet<string> usedNames, List<DiagnosticInfo> diagnostics)
    {
        var name = UniqueNames.Reserve(usedNames, BaseOf(tool.MethodName)) + "Async";
        if (name != tool.MethodName)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, snapshot.LocationOf(tool), tool.WireName, "tool", tool.MethodName, name));
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
            IsDeclared: false);
}
