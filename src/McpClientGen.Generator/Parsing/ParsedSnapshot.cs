using System.Linq;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Parsing;

/// <summary>
/// A <c>*.mcp.json</c> file as read: the location-free <see cref="SnapshotSpec"/> that emission uses, and what only
/// binding and diagnostics need. A whitespace edit moves the locations here but leaves the spec equal.
/// </summary>
/// <param name="Path">The file's path.</param>
/// <param name="Spec">The tools and the types they need.</param>
/// <param name="IsUsable">False when an error prevents generating a client from the file.</param>
/// <param name="ToolNames">Where each tool's name is written, for diagnostics about the tool.</param>
/// <param name="Diagnostics">The problems found in the file, reported once however many interfaces use it.</param>
internal sealed record ParsedSnapshot(
    string Path,
    SnapshotSpec Spec,
    bool IsUsable,
    EquatableArray<ToolNameLocation> ToolNames,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public string Name => Spec.Name;

    public Location? LocationOf(ToolSpec tool) => ToolNames.FirstOrDefault(site => site.WireName == tool.WireName)?.Location;
}

/// <summary>Where a tool's name is written in its snapshot.</summary>
internal sealed record ToolNameLocation(string WireName, Location Location);
