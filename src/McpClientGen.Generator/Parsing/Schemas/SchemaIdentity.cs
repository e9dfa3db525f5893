using System;
using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Parsing.Json;

namespace McpClientGen.Generator.Parsing.Schemas;

/// <summary>What makes two object schemas the same record.</summary>
internal static class SchemaIdentity
{
    /// <summary>
    /// The schema's text and what its <c>$ref</c>s can reach: the definitions, or for other pointers (the C# SDK
    /// writes <c>#/properties/...</c>) the whole root.
    /// </summary>
    public static string Of(JsonNode root, JsonNode schema)
    {
        var references = JsonPointer.ReferencesIn(schema).ToList();
        var reach = references.All(JsonPointer.IsDefinitionPointer) ? ReachableDefinitionsText(root, references) : root.JsonText;
        return "record\n" + schema.JsonText + "\n" + reach;
    }

    /// <summary>The definitions that <paramref name="references"/> lead to, directly or through each other, in a stable order.</summary>
    private static string ReachableDefinitionsText(JsonNode root, IEnumerable<string> references)
    {
        var seen = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var pending = new Queue<string>(references);
        while (pending.Count > 0)
        {
            var pointer = pending.Dequeue();
            if (seen.ContainsKey(pointer))
            {
                continue;
            }

            var target = JsonPointer.Resolve(root, pointer);
            seen[pointer] = target is null ? "" : target.JsonText;
            foreach (var next in target is null ? [] : JsonPointer.ReferencesIn(target).Where(JsonPointer.IsDefinitionPointer))
            {
                pending.Enqueue(next);
            }
        }

        return string.Concat(seen.Select(entry => entry.Key + "=" + entry.Value + "\n"));
    }
}
