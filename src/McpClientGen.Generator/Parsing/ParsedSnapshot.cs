using System;
using System.Collections.Generic;
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
/// <param name="Tools">Every entry of its <c>tools</c> array, valid or not, in name order.</param>
/// <param name="Diagnostics">
/// The problems of the file as a whole, reported once however many interfaces use it, and never when none does.
/// </param>
internal sealed record ParsedSnapshot(
    string Path,
    SnapshotSpec Spec,
    bool IsUsable,
    EquatableArray<ParsedTool> Tools,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public string Name => Spec.Name;

    /// <summary>
    /// The entry a declared method for <paramref name="wireName"/> cannot use, when there is no valid one: of a name
    /// listed twice, the valid entry is used and only the repeat is skipped.
    /// </summary>
    public ParsedTool? InvalidOnly(string wireName) =>
        Spec.Tools.Any(tool => tool.WireName == wireName) ? null : Tools.FirstOrDefault(tool => tool.WireName == wireName && !tool.IsValid);

    /// <summary>Where each named tool is written: of a name listed twice, its first entry.</summary>
    public Dictionary<string, Location?> ToolLocations()
    {
        var locations = new Dictionary<string, Location?>(StringComparer.Ordinal);
        foreach (var entry in Tools)
        {
            if (entry.WireName is { } wireName && !locations.ContainsKey(wireName))
            {
                locations.Add(wireName, entry.Location);
            }
        }

        return locations;
    }
}
