using System;
using System.Collections.Immutable;
using System.Linq;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Parsing;

/// <summary>Pairs an annotated interface with the snapshot its <c>[McpClient]</c> names.</summary>
internal static class ClientBinder
{
    public static ClientSpec Bind(InterfaceSpec declaration, ImmutableArray<SnapshotSpec> snapshots)
    {
        if (declaration.SnapshotName.Length == 0)
        {
            return new ClientSpec(declaration, null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var matches = snapshots
            .Where(s => string.Equals(s.Name, declaration.SnapshotName, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Path, StringComparer.Ordinal)
            .ToList();

        if (matches.Count == 0)
        {
            return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.SnapshotNotFound, declaration.SnapshotArgumentLocation, declaration.SnapshotName));
        }

        if (matches.Count > 1)
        {
            return Failed(DiagnosticInfo.Create(
                DiagnosticDescriptors.AmbiguousSnapshot,
                declaration.SnapshotArgumentLocation,
                declaration.SnapshotName,
                string.Join(", ", matches.Select(s => s.Path))));
        }

        // An unusable snapshot reports its own errors once, however many interfaces use it.
        return new ClientSpec(declaration, matches[0].IsUsable ? matches[0] : null, EquatableArray<DiagnosticInfo>.Empty);

        ClientSpec Failed(DiagnosticInfo diagnostic) => new(declaration, null, new[] { diagnostic }.ToEquatableArray());
    }
}
