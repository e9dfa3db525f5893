using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Parsing;

/// <summary>
/// One entry of a snapshot's <c>tools</c> array as read, with what is reported about it only when a client uses the
/// tool: a tool that no client selects is never validated beyond its name.
/// </summary>
/// <param name="WireName">The tool's name; <see langword="null"/> when the entry has none, so no filter can leave it out.</param>
/// <param name="Location">Where the name is written, or the entry when it has none.</param>
/// <param name="Diagnostics">
/// What reading it found that does not stop its method: unsupported schemas, renames, overlay problems. Of an invalid
/// tool, only those in its overlay file, reported only when a declared method needs the tool.
/// </param>
/// <param name="Problems">Why it gives no method; empty for a valid tool.</param>
internal sealed record ParsedTool(
    string? WireName,
    Location Location,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<ToolProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>Something that makes a tool invalid, and where it is written.</summary>
internal sealed record ToolProblem(Location Location, string Problem);
