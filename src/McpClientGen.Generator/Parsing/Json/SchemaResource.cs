using System.Collections.Generic;
using System.Linq;

namespace McpClientGen.Generator.Parsing.Json;

/// <summary>
/// The schemas of one schema resource (JSON Schema 2020-12, core §9.1.2): the root and every subschema reached
/// through a keyword that holds schemas. Values that are data (<c>const</c>, <c>default</c>, <c>enum</c>,
/// <c>examples</c>) are not schemas, so an <c>$anchor</c> written inside one declares nothing; and a subschema with its
/// own <c>$id</c> starts another resource, whose anchors the root's fragments do not reach.
/// </summary>
internal static class SchemaResource
{
    /// <summary>Keywords whose value is one schema.</summary>
    private static readonly string[] SingleSchema =
        ["additionalProperties", "items", "additionalItems", "contains", "propertyNames", "not", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties"];

    /// <summary>Keywords whose value is an array of schemas (<c>items</c> as a list is the draft 2019-09 tuple).</summary>
    private static readonly string[] SchemaArrays = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];

    /// <summary>Keywords whose value maps names to schemas (<c>dependencies</c> maps some names to lists, which are skipped).</summary>
    private static readonly string[] SchemaMaps = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"];

    /// <summary>The root and its subschemas in document order, leaving out subschemas that declare their own <c>$id</c>.</summary>
    public static IEnumerable<JsonNode> SchemasOf(JsonNode root)
    {
        var pending = new Stack<JsonNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var schema = pending.Pop();
            yield return schema;
            foreach (var subschema in Enumerable.Reverse(Subschemas(schema).Where(s => s.Kind == JsonKind.Object && s["$id"] is null).ToList()))
            {
                pending.Push(subschema);
            }
        }
    }

    /// <summary>The schemas a schema's keywords hold, in the order its members are written.</summary>
    private static IEnumerable<JsonNode> Subschemas(JsonNode schema) =>
        schema.Properties.SelectMany(member => member.Value.Kind switch
        {
            JsonKind.Object when SchemaMaps.Contains(member.Name) => member.Value.Properties.Select(entry => entry.Value),
            JsonKind.Object when SingleSchema.Contains(member.Name) => [member.Value],
            JsonKind.Array when SchemaArrays.Contains(member.Name) => member.Value.Items,
            _ => Enumerable.Empty<JsonNode>(),
        });
}
