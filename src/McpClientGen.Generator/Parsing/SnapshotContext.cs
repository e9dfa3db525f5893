using System.Collections.Generic;
using McpClientGen.Generator.Common;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Model;
using McpClientGen.Generator.Parsing.Json;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Parsing;

/// <summary>State shared while one snapshot is read: its file (for positions) and what was found so far.</summary>
internal sealed class SnapshotContext(string name, JsonSource file)
{
    public string Name { get; } = name;

    public string Path => File.Path;

    /// <summary>The snapshot file. Values merged from its overlay carry the overlay's file instead.</summary>
    public JsonSource File { get; } = file;

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    public List<RecordSpec> Records { get; } = new();

    public List<EnumSpec> Enums { get; } = new();

    /// <summary>
    /// Types already made for <c>$ref</c> targets, keyed by the target's text and its schema's definitions, so
    /// identical definitions in the input and output schemas (or in several tools) share one type.
    /// </summary>
    public Dictionary<string, TypeRef> Definitions { get; } = new(System.StringComparer.Ordinal);

    /// <summary>
    /// Every generated type name, so two schemas never produce the same one. Types nested in the interface would
    /// hide types of the same name in the user's own declarations there, so the names those use are taken too.
    /// </summary>
    public HashSet<string> TypeNames { get; } = new(System.StringComparer.Ordinal)
    {
        "Task", "ValueTask", "CancellationToken", "CallToolResult", "JsonElement", "IReadOnlyList", "IReadOnlyDictionary",
        "DateTimeOffset", "DateOnly", "Guid", "Uri", "String", "Object", "McpTool", "McpToolAttribute",
    };

    public bool HasErrors { get; private set; }

    /// <summary>Where the tools' names are written, for diagnostics that binding reports about a tool.</summary>
    public List<ToolNameLocation> ToolNames { get; } = new();

    /// <summary>A position in the snapshot file.</summary>
    public Location LocationAt(int offset) => File.LocationOf(offset, 0);

    public void Report(DiagnosticDescriptor descriptor, Location location, params string[] arguments)
    {
        HasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
        Diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
    }

    /// <summary>
    /// Reports a problem with an overlay entry, which is then left out. It does not stop the snapshot's client from
    /// being generated: the client is what it would be without that entry.
    /// </summary>
    public void ReportOverlayProblem(DiagnosticDescriptor descriptor, Location location, params string[] arguments) =>
        Diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

    public void ReportStructure(JsonNode where, string problem) =>
        Report(DiagnosticDescriptors.InvalidSnapshotStructure, where.Location, Name, problem);

    /// <summary>
    /// Reserves a C# name for <paramref name="wireName"/>; when an earlier name took it, adds 2, 3, ... and reports
    /// the collision at <paramref name="where"/>.
    /// </summary>
    public string ReserveName(HashSet<string> used, string preferred, string wireName, string kind, JsonNode where)
    {
        var reserved = UniqueNames.Reserve(used, preferred);
        if (reserved != preferred)
        {
            Report(DiagnosticDescriptors.NameCollision, where.Location, wireName, kind, preferred, reserved);
        }

        return reserved;
    }

    /// <summary>Reserves a type name, adding 2, 3, ... when it is taken.</summary>
    public string ReserveTypeName(string preferred, JsonNode where) => ReserveName(TypeNames, preferred, preferred, "type", where);
}
