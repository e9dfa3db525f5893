using System;
using System.Collections.Generic;
using System.Linq;

namespace McpClientGen.Generator.Parsing.Json;

/// <summary>Local JSON pointers as <c>$ref</c> uses them: <c>#</c>, <c>#/$defs/Address</c>, <c>#/properties/to</c>.</summary>
internal static class JsonPointer
{
    /// <summary>The value a local pointer names within <paramref name="root"/>, or <see langword="null"/>.</summary>
    /// <remarks>Anchors (<c>#name</c>) and references to other documents are not resolved.</remarks>
    public static JsonNode? Resolve(JsonNode root, string reference)
    {
        if (reference == "#")
        {
            return root;
        }

        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        var node = root;
        foreach (var rawSegment in reference.Substring(2).Split('/'))
        {
            var segment = Uri.UnescapeDataString(rawSegment).Replace("~1", "/").Replace("~0", "~");
            node = node.Kind switch
            {
                JsonKind.Object => node[segment],
                JsonKind.Array when int.TryParse(segment, out var index) && index >= 0 && index < node.Items.Count => node.Items[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>The definition's name in <c>#/$defs/Name</c> or <c>#/definitions/Name</c>; otherwise <see langword="null"/>.</summary>
    public static string? DefinitionName(string reference)
    {
        var segments = reference.Split('/');
        return segments.Length == 3 && segments[0] == "#" && segments[1] is "$defs" or "definitions" && segments[2].Length > 0
            ? Uri.UnescapeDataString(segments[2])
            : null;
    }

    /// <summary>Every <c>$ref</c> string at any depth of <paramref name="schema"/>, in document order.</summary>
    public static IEnumerable<string> ReferencesIn(JsonNode schema) =>
        schema.MembersNamed("$ref").Where(value => value.Kind == JsonKind.String).Select(value => value.Text!);

    /// <summary>Whether a pointer points into <c>$defs</c> or <c>definitions</c>.</summary>
    public static bool IsDefinitionPointer(string reference) =>
        reference.StartsWith("#/$defs/", StringComparison.Ordinal) || reference.StartsWith("#/definitions/", StringComparison.Ordinal);
}
