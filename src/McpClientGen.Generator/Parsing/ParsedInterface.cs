using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Parsing;

/// <summary>
/// An <c>[McpClient]</c> interface as read: the location-free <see cref="InterfaceSpec"/> that emission uses, and
/// what only binding and diagnostics need (the snapshot's name, filters, declared members, and where each is).
/// </summary>
/// <param name="Spec">What the generated code depends on.</param>
/// <param name="SnapshotName">The <c>[McpClient]</c> argument.</param>
/// <param name="SnapshotNameLocation">Where that argument is.</param>
/// <param name="Include">Only tools matching one of these are generated (all when empty).</param>
/// <param name="Exclude">Tools matching one of these are not generated.</param>
/// <param name="DeclaredTools">Methods the user declared with <c>[McpTool]</c>.</param>
/// <param name="MemberNames">Names of every member the user declared, which generated methods must avoid.</param>
/// <param name="SignatureTypeNames">Names of the user's types in its members' signatures, which generated types must avoid.</param>
/// <param name="Diagnostics">Problems with the declaration itself; any of them stops generation.</param>
/// <param name="JsonContextProblem">Why the <c>JsonContext</c> cannot be used; only its methods that need it fail.</param>
internal sealed record ParsedInterface(
    InterfaceSpec Spec,
    string SnapshotName,
    Location? SnapshotNameLocation,
    EquatableArray<ToolFilter> Include,
    EquatableArray<ToolFilter> Exclude,
    EquatableArray<DeclaredTool> DeclaredTools,
    EquatableArray<string> MemberNames,
    EquatableArray<string> SignatureTypeNames,
    EquatableArray<DiagnosticInfo> Diagnostics,
    DiagnosticInfo? JsonContextProblem);

/// <summary>An <c>Include</c> or <c>Exclude</c> pattern of <c>[McpClient]</c>: a tool name, <c>*</c> matching any run of characters.</summary>
internal sealed record ToolFilter(string Pattern, Location? Location);
