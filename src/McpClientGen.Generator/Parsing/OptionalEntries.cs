using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Parsing.Json;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Parsing;

/// <summary>
/// The entries of one of a snapshot's optional arrays beside <c>tools</c> (<c>prompts</c>, <c>resources</c>,
/// <c>resourceTemplates</c>), in the ordinal order of their key, so generated names do not depend on the order the
/// server listed them in.
/// </summary>
internal static class OptionalEntries
{
    /// <summary>The entries, or none when <paramref name="root"/> has no such array; a value that is not an array is reported.</summary>
    public static List<JsonNode> Of(SnapshotContext context, JsonNode root, string arrayName, string key, DiagnosticDescriptor invalid, string entries)
    {
        if (root.Kind != JsonKind.Object || root[arrayName] is not { } array)
        {
            return [];
        }

        if (array.Kind != JsonKind.Array)
        {
            context.Report(invalid, array.Location, context.Name, $"'{arrayName}' must be an array of {entries}");
            return [];
        }

        return array.Items
            .OrderBy(node => node.Kind == JsonKind.Object ? node.StringOf(key) ?? "" : "", System.StringComparer.Ordinal)
            .ToList();
    }
}
