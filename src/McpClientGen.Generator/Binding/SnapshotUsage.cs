using System;
using System.Linq;
using McpClientGen.Generator.Model;
using McpClientGen.Generator.Parsing;

namespace McpClientGen.Generator.Binding;

/// <summary>
/// What one <c>[McpClient]</c> takes from its snapshot, without locations: the snapshot's name, the filters and the
/// tools it declares methods for. All usages together decide which snapshots and tools are validated, so a C# edit
/// that changes none of these reports nothing again.
/// </summary>
internal sealed record SnapshotUsage(
    string SnapshotName,
    EquatableArray<string> Include,
    EquatableArray<string> Exclude,
    EquatableArray<string> DeclaredTools)
{
    public static SnapshotUsage Of(ParsedInterface declaration) =>
        new(
            SnapshotReference.Parse(declaration.SnapshotName).Name,
            declaration.Include.Select(filter => filter.Pattern).ToEquatableArray(),
            declaration.Exclude.Select(filter => filter.Pattern).ToEquatableArray(),
            declaration.DeclaredTools.Select(method => method.WireName).Distinct(StringComparer.Ordinal).ToEquatableArray());

    /// <summary>Whether this client reads the snapshot named <paramref name="snapshotName"/>; names ignore case, as matching does.</summary>
    public bool Names(string snapshotName) => string.Equals(SnapshotName, snapshotName, StringComparison.OrdinalIgnoreCase);

    public bool Declares(string wireName) => DeclaredTools.Contains(wireName);

    public ToolSelection Selection() => new(Include, Exclude);
}
