using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Parsing.Json;

namespace McpClientGen.Generator.Parsing.Schemas;

/// <summary>
/// Decides what a schema describes — the one place that does, for mapping, for <c>$ref</c> targets, for
/// <c>allOf</c> parts, for a tool's arguments and for its result. Keywords are weighed in a fixed order: <c>$ref</c>,
/// a union, a string enum, <c>allOf</c>, then the declared (or implied) type.
/// </summary>
/// <param name="root">The schema that local <c>$ref</c>s resolve in.</param>
internal sealed class SchemaClassifier(JsonNode root)
{
    /// <summary>Keywords that say what a value is. A schema with none of them (only <c>required</c>, a description) just adds constraints.</summary>
    private static readonly string[] ShapeKeywords = ["type", "properties", "items", "prefixItems", "$ref", "$dynamicRef", "enum", "const", "anyOf", "oneOf", "allOf", "additionalProperties"];

    public SchemaShape Classify(JsonNode schema) => Classify(schema, checkParts: true);

    /// <param name="schema">The schema.</param>
    /// <param name="checkParts">
    /// Whether an <c>allOf</c> is a record only when each part is; for the parts themselves it is not asked again, so
    /// parts that refer to each other cannot make classifying loop or multiply.
    /// </param>
    private SchemaShape Classify(JsonNode schema, bool checkParts)
    {
        if (schema.Kind != JsonKind.Object)
        {
            return new(SchemaKind.NotASchema, false, Unsupported: schema.Kind == JsonKind.True ? "the schema 'true' accepts any value" : "its schema is not an object");
        }

        var types = TypesOf(schema, out var nullable);

        // Properties beside a $ref that resolves extend what it refers to (JSON Schema 2020-12): one merged record.
        if (schema.StringOf("$ref") is not null)
        {
            return new(DeclaresProperties(schema) && Resolve(schema) is not null ? SchemaKind.Record : SchemaKind.Reference, nullable);
        }

        // Which schema a $dynamicRef means depends on where validation entered the document, not on this schema alone.
        if (schema.StringOf("$dynamicRef") is { } dynamicReference)
        {
            return new(SchemaKind.DynamicReference, nullable, Unsupported: $"the $dynamicRef '{dynamicReference}' is resolved while a value is validated, so it has no fixed type");
        }

        var alternatives = schema["anyOf"] ?? schema["oneOf"];
        if (IsShapedUnion(alternatives))
        {
            var nonNull = alternatives!.Items.Where(alternative => !IsNullSchema(alternative)).ToList();
            return nonNull.Count == 1
                ? new(SchemaKind.Alternative, nullable || nonNull.Count < alternatives.Items.Count, nonNull[0])
                : new(SchemaKind.Union, nullable, Unsupported: $"a union of {nonNull.Count} alternatives has no C# counterpart");
        }

        if (schema["enum"] is { } values && IsStringEnum(values))
        {
            return new(SchemaKind.Enum, nullable, values);
        }

        if (schema["allOf"] is { Kind: JsonKind.Array } allOf)
        {
            return ClassifyAllOf(schema, allOf, nullable, checkParts);
        }

        // As with a union's null alternative, a null among several types is one more value the JsonElement holds.
        if (types.Count > 1)
        {
            return new(SchemaKind.SeveralTypes, false, Unsupported: $"it allows several types ({string.Join(", ", types)})");
        }

        if (types.Count == 0 && schema["const"] is { Kind: JsonKind.Null or JsonKind.Object or JsonKind.Array } constant)
        {
            return new(SchemaKind.Constant, false, Unsupported: $"its const value is {(constant.Kind == JsonKind.Null ? "null" : "an " + constant.Kind.ToString().ToLowerInvariant())}");
        }

        // An enum of numbers or booleans keeps its scalar type; the allowed values stay in the schema's description.
        return (types.Count == 1 ? types[0] : ImpliedType(schema)) switch
        {
            "string" => new(SchemaKind.String, nullable),
            "integer" => new(SchemaKind.Integer, nullable),
            "number" => new(SchemaKind.Number, nullable),
            "boolean" => new(SchemaKind.Boolean, nullable),
            "array" => ClassifyArray(schema, nullable),
            "object" => ClassifyObject(schema, nullable),
            null => new(SchemaKind.Untyped, nullable, Unsupported: "it declares no type, so it accepts any value"),
            var other => new(SchemaKind.UnknownType, nullable, Unsupported: $"the type '{other}' has no C# counterpart"),
        };
    }

    /// <summary>The schema a <c>$ref</c> names, or the schema itself when it is not a reference; <see langword="null"/> when it does not resolve.</summary>
    private JsonNode? Resolve(JsonNode schema) =>
        schema.Kind == JsonKind.Object && schema.StringOf("$ref") is { } reference ? JsonPointer.Resolve(root, reference) : schema;

    private SchemaShape ClassifyAllOf(JsonNode schema, JsonNode allOf, bool nullable, bool checkParts)
    {
        if (allOf.Items.Count == 1 && !DeclaresProperties(schema))
        {
            return new(SchemaKind.Alias, nullable, allOf.Items[0]);
        }

        if (!checkParts)
        {
            return new(SchemaKind.Record, nullable);
        }

        // Parts that only add constraints (required, a description) leave the shape to the parts that are records.
        var parts = allOf.Items.Select(part => Resolve(part) ?? part).ToList();
        var records = parts.Count(part => Classify(part, checkParts: false).Kind == SchemaKind.Record);
        return records + parts.Count(AddsOnlyConstraints) == parts.Count && (records > 0 || DeclaresProperties(schema))
            ? new(SchemaKind.Record, nullable)
            : new(SchemaKind.Intersection, nullable, Unsupported: "'allOf' merges only object schemas with properties");
    }

    /// <remarks>An empty <c>prefixItems</c> fixes no position, so the array is what its <c>items</c> says.</remarks>
    private static SchemaShape ClassifyArray(JsonNode schema, bool nullable) => schema["items"] switch
    {
        _ when schema["prefixItems"] is { Kind: JsonKind.Array, Items.Count: > 0 } prefixItems => ClassifyTuple(prefixItems, schema["items"], nullable),
        null => new(SchemaKind.List, nullable, Unsupported: "the array declares no 'items' schema"),
        { Kind: JsonKind.Array } => new(SchemaKind.List, nullable, Unsupported: "tuple arrays ('items' as a list) have no C# counterpart"),
        var items => new(SchemaKind.List, nullable, items),
    };

    /// <summary>
    /// A tuple (<c>prefixItems</c>, then <c>items</c> for the rest) is a list only when every position has one and the
    /// same schema and no other items are allowed, or the rest have that schema too; otherwise the items differ in type.
    /// </summary>
    private static SchemaShape ClassifyTuple(JsonNode prefixItems, JsonNode? rest, bool nullable)
    {
        var positions = prefixItems.Items.Select(item => item.JsonText).Distinct().ToList();
        var restFits = rest is { Kind: JsonKind.False } || (rest is not null && positions.Count == 1 && rest.JsonText == positions[0]);
        return positions.Count == 1 && restFits
            ? new(SchemaKind.List, nullable, prefixItems.Items[0])
            : new(SchemaKind.Tuple, nullable, Unsupported: "a tuple ('prefixItems') whose items do not all have one schema has no C# counterpart");
    }

    private static SchemaShape ClassifyObject(JsonNode schema, bool nullable) =>
        DeclaresProperties(schema) ? new(SchemaKind.Record, nullable)
        : schema["additionalProperties"] is { Kind: JsonKind.Object } values ? new(SchemaKind.Map, nullable, values)
        : new(SchemaKind.FreeObject, nullable, Unsupported: "an object without declared properties or an 'additionalProperties' schema can hold anything");

    private static bool DeclaresProperties(JsonNode schema) =>
        schema["properties"] is { Kind: JsonKind.Object } properties && properties.Properties.Count > 0;

    /// <summary>The declared types without <c>"null"</c>; <paramref name="nullable"/> says whether <c>null</c> is allowed.</summary>
    private static List<string> TypesOf(JsonNode schema, out bool nullable)
    {
        var typeNode = schema["type"];
        var types = typeNode?.Kind switch
        {
            JsonKind.String => new List<string> { typeNode.Text! },
            JsonKind.Array => typeNode.Items.Where(item => item.Kind == JsonKind.String).Select(item => item.Text!).Distinct().ToList(),
            _ => new List<string>(),
        };

        // OpenAPI-style "nullable": true is common in schemas converted from OpenAPI; it means the same as "null" in "type".
        nullable = types.Remove("null")
            || schema.BooleanOf("nullable") == true
            || (schema["enum"] is { Kind: JsonKind.Array } values && values.Items.Any(v => v.Kind == JsonKind.Null));
        return types;
    }

    /// <summary>The type a schema without <c>type</c> still implies by its keywords.</summary>
    private static string? ImpliedType(JsonNode schema) =>
        schema["properties"] is not null || schema["additionalProperties"] is not null ? "object"
        : schema["items"] is not null || schema["prefixItems"] is not null ? "array"
        : schema["const"] is { } constant ? TypeOfConstant(constant)
        : null;

    /// <summary>The type a <c>const</c> value has; a number without a fraction or an exponent is an integer.</summary>
    private static string? TypeOfConstant(JsonNode constant) => constant.Kind switch
    {
        JsonKind.String => "string",
        JsonKind.Number => constant.JsonText.IndexOfAny(['.', 'e', 'E']) < 0 ? "integer" : "number",
        JsonKind.True or JsonKind.False => "boolean",
        _ => null,
    };

    private static bool IsStringEnum(JsonNode values) =>
        values.Kind == JsonKind.Array
        && values.Items.Any(item => item.Kind == JsonKind.String)
        && values.Items.All(item => item.Kind is JsonKind.String or JsonKind.Null);

    /// <summary>
    /// Whether an <c>anyOf</c>/<c>oneOf</c> chooses between shapes. One whose alternatives only add constraints
    /// (<c>anyOf: [{required: [a]}, {required: [b]}]</c>) leaves the schema's own shape in charge.
    /// </summary>
    private static bool IsShapedUnion(JsonNode? alternatives) =>
        alternatives is { Kind: JsonKind.Array } && !alternatives.Items.All(AddsOnlyConstraints);

    private static bool AddsOnlyConstraints(JsonNode schema) =>
        schema.Kind == JsonKind.Object && !ShapeKeywords.Any(keyword => schema[keyword] is not null);

    private static bool IsNullSchema(JsonNode schema) =>
        schema.Kind == JsonKind.Object && schema.StringOf("type") == "null" && schema.Properties.Count == 1;
}
