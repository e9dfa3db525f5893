using System;
using System.Collections.Generic;
using System.Linq;

namespace McpClientGen.Generator.Parsing.Json;

/// <summary>
/// Local references as <c>$ref</c> uses them: JSON pointers (<c>#</c>, <c>#/$defs/Address</c>, <c>#/properties/to</c>)
/// and plain-name fragments naming an <c>$anchor</c> (<c>#address</c>).
/// </summary>
internal static class JsonPointer
{
    /// <summary>The value a local reference names within <paramref name="root"/>, or <see langword="null"/>.</summary>
    /// <remarks>References to other documents are never resolved: a schema is not fetched from anywhere (SEP-2106).</remarks>
    public static JsonNode? Resolve(JsonNode root, string reference)
    {
        reference = InDocument(root, reference);
        if (reference == "#")
        {
            return root;
        }

        if (AnchorName(reference) is { } anchor)
        {
            return FindAnchor(root, anchor);
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

    /// <summary>
    /// The reference as a fragment when it goes through the schema's own <c>$id</c>
    /// (<c>https://example.com/put.json#/$defs/place</c> in a schema with that <c>$id</c> is <c>#/$defs/place</c>),
    /// which names this document however absolute it looks; otherwise the reference as it is.
    /// </summary>
    public static string InDocument(JsonNode root, string reference) =>
        root.StringOf("$id") is { Length: > 0 } id && reference.StartsWith(id, StringComparison.Ordinal)
            && (reference.Length == id.Length || reference[id.Length] == '#')
            ? "#" + reference.Substring(id.Length).TrimStart('#')
            : reference;

    /// <summary>Whether a reference stays in its own document: it is only a fragment.</summary>
    public static bool IsLocal(string reference) => reference.StartsWith("#", StringComparison.Ordinal);

    /// <summary>The anchor's name in <c>#name</c>; otherwise (a pointer, another document) <see langword="null"/>.</summary>
    public static string? AnchorName(string reference) =>
        reference.Length > 1 && reference[0] == '#' && reference[1] != '/' ? reference.Substring(1) : null;

    /// <summary>
    /// The first schema of the root's resource, in document order, that declares the anchor. A <c>$dynamicAnchor</c>
    /// is also a plain anchor for <c>$ref</c> (JSON Schema 2020-12, core §8.2.2); only <c>$dynamicRef</c> resolves it
    /// dynamically.
    /// </summary>
    private static JsonNode? FindAnchor(JsonNode root, string anchor) =>
        SchemaResource.SchemasOf(root).FirstOrDefault(schema => schema.StringOf("$anchor") == anchor || schema.StringOf("$dynamicAnchor") == anchor);

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
