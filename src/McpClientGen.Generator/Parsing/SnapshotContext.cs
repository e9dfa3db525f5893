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

    /// <summary>What is wrong with the file as a whole, reported whenever a client uses the snapshot.</summary>
    public List<DiagnosticInfo> Diagnostics { get; } = new();

    /// <summary>What is reported about each tool, by name, reported only when a client uses the tool.</summary>
    public Dictionary<string, ToolLog> ToolLogs { get; } = new(System.StringComparer.Ordinal);

    /// <summary>The log of the tool being read (or whose overlay entry is), or <see langword="null"/> between tools.</summary>
    private ToolLog? _current;

    public List<RecordSpec> Records { get; } = new();

    public List<EnumSpec> Enums { get; } = new();

    /// <summary>
    /// Types already made for <c>$ref</c> targets, keyed by the target's text and its schema's definitions, so
    /// identical definitions in the input and output schemas (or in several tools) share one type.
    /// </summary>
    private readonly Dictionary<string, TypeRef> _definitions = new(System.StringComparer.Ordinal);

    /// <summary>The keys given to <see cref="Define"/>, each with the type it replaced, so <see cref="Restore"/> can undo them in order.</summary>
    private readonly List<(string Key, TypeRef? Previous)> _defined = new();

    /// <summary>The types the tool being read shares between its input and output.</summary>
    public Schemas.SharedTypes Shared { get; set; } = new();

    /// <summary>
    /// Every generated type name, so two schemas never produce the same one. Types nested in the interface would
    /// hide types of the same name in the user's own declarations there, so the names those use are taken too.
    /// </summary>
    public NameSet TypeNames { get; } = new(
    [
        "Task", "ValueTask", "CancellationToken", "CallToolResult", "JsonElement", "IReadOnlyList", "IReadOnlyDictionary",
        "DateTimeOffset", "DateOnly", "Guid", "Uri", "String", "Object", "McpTool", "McpToolAttribute",
    ]);

    /// <summary>Whether the file as a whole is broken, so no client can be generated from it.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>Sends what is reported from now on to <paramref name="wireName"/>'s log, until <see cref="Leave"/>.</summary>
    public ToolLog Enter(string wireName)
    {
        if (!ToolLogs.TryGetValue(wireName, out var log))
        {
            log = new ToolLog();
            ToolLogs[wireName] = log;
        }

        _current = log;
        return log;
    }

    public void Leave() => _current = null;

    /// <summary>
    /// What the types made so far are, to undo what a tool that turns out invalid added. Only positions are kept, so a
    /// checkpoint per tool costs the same however many tools came before.
    /// </summary>
    public Checkpoint Save() => new(Records.Count, Enums.Count, _defined.Count, TypeNames.Mark);

    /// <summary>Forgets every type and name taken since <paramref name="checkpoint"/>, so later tools are read as if the tool were absent.</summary>
    public void Restore(Checkpoint checkpoint)
    {
        Records.RemoveRange(checkpoint.Records, Records.Count - checkpoint.Records);
        Enums.RemoveRange(checkpoint.Enums, Enums.Count - checkpoint.Enums);
        for (var i = _defined.Count - 1; i >= checkpoint.Definitions; i--)
        {
            var (key, previous) = _defined[i];
            if (previous is null)
            {
                _definitions.Remove(key);
            }
            else
            {
                _definitions[key] = previous;
            }
        }

        _defined.RemoveRange(checkpoint.Definitions, _defined.Count - checkpoint.Definitions);
        TypeNames.RollBack(checkpoint.TypeNames);
    }

    /// <summary>The type already made for the <c>$ref</c> target or schema <paramref name="key"/> stands for, if any.</summary>
    public bool TryGetDefinition(string key, out TypeRef type) => _definitions.TryGetValue(key, out type!);

    /// <summary>Remembers the type made for <paramref name="key"/>, until a <see cref="Restore"/> to an earlier checkpoint.</summary>
    public void Define(string key, TypeRef type)
    {
        _defined.Add((key, _definitions.TryGetValue(key, out var previous) ? previous : null));
        _definitions[key] = type;
    }

    /// <summary>A position in the snapshot file.</summary>
    public Location LocationAt(int offset) => File.LocationOf(offset, 0);

    public void Report(DiagnosticDescriptor descriptor, Location location, params string[] arguments)
    {
        HasErrors |= _current is null && descriptor.DefaultSeverity == DiagnosticSeverity.Error;
        (_current?.Diagnostics ?? Diagnostics).Add(DiagnosticInfo.Create(descriptor, location, arguments));
    }

    /// <summary>
    /// Reports a problem with an overlay entry, which is then left out. It does not stop the snapshot's client from
    /// being generated: the client is what it would be without that entry.
    /// </summary>
    public void ReportOverlayProblem(DiagnosticDescriptor descriptor, Location location, params string[] arguments) =>
        (_current?.Diagnostics ?? Diagnostics).Add(DiagnosticInfo.Create(descriptor, location, arguments));

    /// <summary>
    /// Reports that the snapshot is not a <c>tools/list</c> result. Within a tool, it is the tool that is invalid: the
    /// problem is kept for whoever uses the tool, and the rest of the snapshot still gives clients.
    /// </summary>
    public void ReportStructure(JsonNode where, string problem)
    {
        if (_current is { } tool)
        {
            tool.Problems.Add(new ToolProblem(where.Location, problem));
        }
        else
        {
            Report(DiagnosticDescriptors.InvalidSnapshotStructure, where.Location, Name, problem);
        }
    }

    /// <summary>
    /// Reserves a C# name for <paramref name="wireName"/>; when an earlier name took it, adds 2, 3, ... and reports
    /// the collision at <paramref name="where"/>.
    /// </summary>
    public string ReserveName(HashSet<string> used, string preferred, string wireName, string kind, JsonNode where) =>
        ReserveName(used.Add, preferred, wireName, kind, where);

    /// <inheritdoc cref="ReserveName(HashSet{string}, string, string, string, JsonNode)"/>
    public string ReserveName(NameSet used, string preferred, string wireName, string kind, JsonNode where) =>
        ReserveName(used.Add, preferred, wireName, kind, where);

    private string ReserveName(System.Func<string, bool> tryAdd, string preferred, string wireName, string kind, JsonNode where)
    {
        var reserved = UniqueNames.Reserve(tryAdd, preferred);
        if (reserved != preferred)
        {
            Report(DiagnosticDescriptors.NameCollision, where.Location, wireName, kind, preferred, reserved);
        }

        return reserved;
    }

    /// <summary>Reserves a type name, adding 2, 3, ... when it is taken.</summary>
    public string ReserveTypeName(string preferred, JsonNode where) => ReserveName(TypeNames, preferred, preferred, "type", where);

    /// <summary>The state <see cref="Save"/> keeps.</summary>
    internal sealed record Checkpoint(int Records, int Enums, int Definitions, int TypeNames);
}
