using System;
using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Emitting;
using McpClientGen.Generator.Model;
using McpClientGen.Generator.Parsing.Json;

namespace McpClientGen.Generator.Parsing;

/// <summary>
/// Maps one tool schema (JSON Schema 2020-12 as MCP uses it) to C# types, adding records and enums to the
/// <see cref="SnapshotContext"/>. What it cannot map becomes <c>JsonElement</c> with an info diagnostic that
/// names the construct and where it is.
/// </summary>
internal sealed class SchemaMapper(SnapshotContext context, string toolName, JsonNode schemaRoot)
{
    /// <summary>Names that a record member may not take, because records or <c>object</c> already declare them.</summary>
    private static readonly string[] RecordMemberNames =
        ["EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize"];

    /// <summary>Keywords that constrain a value without saying what it is, such as <c>required</c> inside an <c>anyOf</c>.</summary>
    private static readonly string[] ShapeKeywords = ["type", "properties", "items", "$ref", "enum", "const", "anyOf", "oneOf", "allOf", "additionalProperties"];

    /// <summary><c>$ref</c> targets being mapped right now, to stop a reference to itself that is not a record.</summary>
    private readonly HashSet<JsonNode> _resolving = new();

    /// <summary>
    /// Maps the properties of an object schema — with the schemas merged into it by <c>allOf</c> or a root
    /// <c>$ref</c> — required ones first.
    /// </summary>
    /// <param name="objectSchema">The object schema.</param>
    /// <param name="ownerTypeName">Prefix for the names of types generated for nested schemas.</param>
    /// <param name="recordName">The record the properties become members of, whose name they may not take.</param>
    /// <param name="areParameters">Whether they are also tool parameters, which may not take the cancellation token's name.</param>
    public List<PropertySpec> MapProperties(JsonNode objectSchema, string ownerTypeName, string recordName, bool areParameters)
    {
        var parts = ObjectParts(objectSchema);
        var required = new HashSet<string>(
            parts.SelectMany(part => part["required"] is { Kind: JsonKind.Array } list ? list.Items : new List<JsonNode>())
                .Where(item => item.Kind == JsonKind.String)
                .Select(item => item.Text!),
            StringComparer.Ordinal);

        var usedIdentifiers = new HashSet<string>(RecordMemberNames, StringComparer.Ordinal) { recordName };
        if (areParameters)
        {
            usedIdentifiers.Add("CancellationToken");
        }

        var properties = new List<PropertySpec>();
        var wireNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (part["properties"] is not { } propertiesNode)
            {
                continue;
            }

            if (propertiesNode.Kind != JsonKind.Object)
            {
                context.ReportStructure(propertiesNode, $"'properties' in tool '{toolName}' must be an object");
                continue;
            }

            // allOf parts may repeat a property; the first declaration wins, as merged records hold one member per name.
            foreach (var property in propertiesNode.Properties.Where(property => wireNames.Add(property.Name)))
            {
                var identifier = context.ReserveName(usedIdentifiers, Naming.ToPascalCase(property.Name, "Value"), property.Name, "property", property.Value);
                var type = Map(property.Value, ownerTypeName + identifier, property.Name);
                properties.Add(new PropertySpec(
                    property.Name,
                    identifier,
                    type,
                    required.Contains(property.Name),
                    DescriptionOf(property.Value),
                    property.Value["default"] is { } defaultValue ? context.TextOf(defaultValue) : null));
            }
        }

        return properties.OrderBy(p => p.IsRequired ? 0 : 1).ToList();
    }

    /// <summary>
    /// Why an input schema's arguments are not a fixed set of properties (a union, or a free-form map), or
    /// <see langword="null"/> when they are.
    /// </summary>
    public string? FreeFormArgumentsReason(JsonNode inputSchema)
    {
        var parts = ObjectParts(inputSchema);
        if (parts.Any(part => part["properties"] is { Kind: JsonKind.Object, Properties.Count: > 0 }))
        {
            return null;
        }

        return parts.Any(part => IsShapedUnion(part["anyOf"]) || IsShapedUnion(part["oneOf"])) ? "the arguments are one of several shapes"
            : parts.Any(part => part["additionalProperties"] is { Kind: JsonKind.Object }) ? "the arguments are a map with free-form names"
            : null;
    }

    /// <summary>Maps a schema to a C# type; <paramref name="preferredName"/> names a record or enum made for it.</summary>
    public TypeRef Map(JsonNode schema, string preferredName, string path)
    {
        if (schema.Kind != JsonKind.Object)
        {
            return Unsupported(schema, path, schema.Kind == JsonKind.True ? "the schema 'true' accepts any value" : "its schema is not an object");
        }

        var types = TypesOf(schema, out var nullable);
        if (schema.StringOf("$ref") is { } reference)
        {
            return MapReference(schema, reference, preferredName, path).OrNull(nullable);
        }

        var alternatives = schema["anyOf"] ?? schema["oneOf"];
        if (IsShapedUnion(alternatives))
        {
            return MapAlternatives(schema, alternatives!, preferredName, path).OrNull(nullable);
        }

        if (schema["enum"] is { } enumNode && IsStringEnum(enumNode))
        {
            return MapEnum(schema, enumNode, preferredName).OrNull(nullable);
        }

        if (schema["allOf"] is { Kind: JsonKind.Array } allOf)
        {
            return MapAllOf(schema, allOf, preferredName, path).OrNull(nullable);
        }

        if (types.Count > 1)
        {
            return Unsupported(schema, path, $"it allows several types ({string.Join(", ", types)})");
        }

        // An enum of numbers or booleans keeps its scalar type; the allowed values stay in the schema's description.
        var type = types.Count == 1 ? types[0] : ImpliedType(schema);
        var mapped = type switch
        {
            "string" => MapString(schema),
            "integer" => schema.StringOf("format") == "int32" ? TypeRef.Int32 : TypeRef.Int64,
            "number" => TypeRef.Double,
            "boolean" => TypeRef.Boolean,
            "array" => MapArray(schema, preferredName, path),
            "object" => MapObject(schema, preferredName, path),
            null => Unsupported(schema, path, "it declares no type, so it accepts any value"),
            _ => Unsupported(schema, path, $"the type '{type}' has no C# counterpart"),
        };
        return mapped.OrNull(nullable);
    }

    /// <summary>
    /// Maps an object schema to a generated record named after its title, or <paramref name="preferredName"/>.
    /// Identical schemas share one record: within a tool always (an input object echoed in the output), across
    /// tools only when the schema names itself (a title, or a <c>$defs</c> entry), so that a type's name never
    /// comes from another tool and adding a tool never renames an existing type.
    /// </summary>
    public TypeRef MapRecord(JsonNode objectSchema, string preferredName, bool isDefinition = false)
    {
        var title = objectSchema.StringOf("title");
        var key = IdentityOf(objectSchema, sharedAcrossTools: isDefinition || title is not null);
        if (context.Definitions.TryGetValue(key, out var known))
        {
            return known;
        }

        // Registered before its members are mapped, so a schema that contains itself refers to its own record.
        var record = TypeRef.Record(context.ReserveTypeName(TitleOr(objectSchema, preferredName), objectSchema));
        context.Definitions[key] = record;
        var properties = MapProperties(objectSchema, record.Name!, record.Name!, areParameters: false);
        context.Records.Add(new RecordSpec(record.Name!, DescriptionOf(objectSchema), properties.ToEquatableArray()));
        return record;
    }

    private static TypeRef MapString(JsonNode schema) => schema.StringOf("format") switch
    {
        "date-time" => TypeRef.DateTimeOffset,
        "date" => TypeRef.DateOnly,
        "uuid" => TypeRef.Guid,
        "uri" => TypeRef.Uri,
        _ => TypeRef.String,
    };

    private TypeRef MapArray(JsonNode schema, string preferredName, string path)
    {
        if (schema["items"] is not { } items)
        {
            return Unsupported(schema, path, "the array declares no 'items' schema");
        }

        if (items.Kind == JsonKind.Array)
        {
            return Unsupported(schema, path, "tuple arrays ('items' as a list) have no C# counterpart");
        }

        return TypeRef.ListOf(Map(items, Naming.ItemOf(preferredName), path + "[]"));
    }

    private TypeRef MapObject(JsonNode schema, string preferredName, string path)
    {
        if (schema["properties"] is { Kind: JsonKind.Object } properties && properties.Properties.Count > 0)
        {
            return MapRecord(schema, preferredName);
        }

        if (schema["additionalProperties"] is { Kind: JsonKind.Object } valueSchema)
        {
            return TypeRef.MapOf(Map(valueSchema, preferredName + "Value", path + "{}"));
        }

        return Unsupported(schema, path, "an object without declared properties or an 'additionalProperties' schema can hold anything");
    }

    private TypeRef MapReference(JsonNode schema, string reference, string preferredName, string path)
    {
        var target = JsonPointer.Resolve(schemaRoot, reference);
        if (target is null)
        {
            context.Report(DiagnosticDescriptors.UnresolvedReference, context.LocationOf(schema), reference, toolName);
            return TypeRef.Json;
        }

        var definitionName = JsonPointer.DefinitionName(reference) is { } name ? Naming.ToPascalCase(name, preferredName) : null;
        if (IsRecordSchema(target))
        {
            return MapRecord(target, definitionName ?? preferredName, isDefinition: definitionName is not null);
        }

        if (!_resolving.Add(target))
        {
            return Unsupported(schema, path, $"the $ref '{reference}' refers to itself without an object in between");
        }

        try
        {
            return Map(target, definitionName ?? preferredName, path);
        }
        finally
        {
            _resolving.Remove(target);
        }
    }

    /// <summary><c>anyOf</c>/<c>oneOf</c>: a single alternative besides <c>null</c> is that alternative, nullable.</summary>
    private TypeRef MapAlternatives(JsonNode schema, JsonNode alternatives, string preferredName, string path)
    {
        var nonNull = alternatives.Items.Where(alternative => !IsNullSchema(alternative)).ToList();
        if (nonNull.Count != 1)
        {
            return Unsupported(schema, path, $"a union of {nonNull.Count} alternatives has no C# counterpart");
        }

        return Map(nonNull[0], preferredName, path).OrNull(nonNull.Count < alternatives.Items.Count);
    }

    /// <summary><c>allOf</c> of object schemas merges into one record; a single part is that part.</summary>
    private TypeRef MapAllOf(JsonNode schema, JsonNode allOf, string preferredName, string path)
    {
        var ownProperties = schema["properties"] is { Kind: JsonKind.Object } own && own.Properties.Count > 0;
        if (allOf.Items.Count == 1 && !ownProperties)
        {
            return Map(allOf.Items[0], preferredName, path);
        }

        if (!allOf.Items.All(part => IsRecordSchema(Resolve(part) ?? part)))
        {
            return Unsupported(schema, path, "'allOf' merges only object schemas with properties");
        }

        return MapRecord(schema, preferredName);
    }

    private TypeRef MapEnum(JsonNode schema, JsonNode enumNode, string preferredName)
    {
        var values = enumNode.Items.Where(item => item.Kind == JsonKind.String).ToList();
        var wireValues = values.Select(item => item.Text!).Distinct(StringComparer.Ordinal).ToList();

        // The C# SDK repeats an enum's schema for each parameter; equal value sets in one tool share one type.
        var title = schema.StringOf("title");
        var key = "enum\n" + string.Join("\n", wireValues) + (title is null ? "\n@" + toolName : "\n#" + title);
        if (!context.Definitions.TryGetValue(key, out var type))
        {
            var usedIdentifiers = new HashSet<string>(StringComparer.Ordinal);
            var members = values
                .GroupBy(item => item.Text!, StringComparer.Ordinal)
                .Select(group => new EnumMemberSpec(
                    context.ReserveName(usedIdentifiers, Naming.ToPascalCase(group.Key, "Value"), group.Key, "enum value", group.First()),
                    group.Key))
                .ToEquatableArray();
            type = TypeRef.Enum(context.ReserveTypeName(TitleOr(schema, preferredName), schema));
            context.Definitions[key] = type;
            context.Enums.Add(new EnumSpec(type.Name!, DescriptionOf(schema), members));
        }

        return type.WithNullable(values.Count < enumNode.Items.Count);
    }

    /// <summary>An object schema plus the schemas merged into it through <c>allOf</c> and <c>$ref</c>.</summary>
    private List<JsonNode> ObjectParts(JsonNode schema)
    {
        var parts = new List<JsonNode>();
        var pending = new Stack<JsonNode>();
        pending.Push(schema);
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part.Kind != JsonKind.Object || parts.Contains(part))
            {
                continue;
            }

            parts.Add(part);
            if (part.StringOf("$ref") is { } reference && JsonPointer.Resolve(schemaRoot, reference) is { } target)
            {
                pending.Push(target);
            }

            if (part["allOf"] is { Kind: JsonKind.Array } allOf)
            {
                foreach (var merged in Enumerable.Reverse(allOf.Items))
                {
                    pending.Push(merged);
                }
            }
        }

        return parts;
    }

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
        : schema["items"] is not null ? "array"
        : schema["const"] is { Kind: JsonKind.String } ? "string"
        : null;

    private static bool IsStringEnum(JsonNode enumNode) =>
        enumNode.Kind == JsonKind.Array
        && enumNode.Items.Any(item => item.Kind == JsonKind.String)
        && enumNode.Items.All(item => item.Kind is JsonKind.String or JsonKind.Null);

    /// <summary>
    /// Whether an <c>anyOf</c>/<c>oneOf</c> chooses between shapes. One whose alternatives only add constraints
    /// (<c>anyOf: [{required: [a]}, {required: [b]}]</c>) leaves the schema's own shape in charge.
    /// </summary>
    private static bool IsShapedUnion(JsonNode? alternatives) =>
        alternatives is { Kind: JsonKind.Array }
        && alternatives.Items.Any(alternative => alternative.Kind != JsonKind.Object || ShapeKeywords.Any(keyword => alternative[keyword] is not null));

    private static bool IsNullSchema(JsonNode schema) =>
        schema.Kind == JsonKind.Object && schema.StringOf("type") == "null" && schema.Properties.Count == 1;

    private bool IsRecordSchema(JsonNode schema) =>
        schema.Kind == JsonKind.Object
        && !IsShapedUnion(schema["anyOf"]) && !IsShapedUnion(schema["oneOf"]) && schema["enum"] is null
        && TypesOf(schema, out _) is var types && (types.Count == 0 || (types.Count == 1 && types[0] == "object"))
        && ((schema["properties"] is { Kind: JsonKind.Object } properties && properties.Properties.Count > 0)
            || (schema["allOf"] is { Kind: JsonKind.Array } allOf && allOf.Items.Count > 1));

    private JsonNode? Resolve(JsonNode schema) =>
        schema.Kind == JsonKind.Object && schema.StringOf("$ref") is { } reference ? JsonPointer.Resolve(schemaRoot, reference) : schema;

    /// <summary>
    /// What makes two schemas the same type: their text and what their <c>$ref</c>s can reach — the definitions,
    /// or for other pointers (the C# SDK writes <c>#/properties/...</c>) the whole root — and, unless the type
    /// is shared across tools, the tool.
    /// </summary>
    private string IdentityOf(JsonNode schema, bool sharedAcrossTools)
    {
        var text = context.TextOf(schema);
        var reach = JsonPointer.OnlyDefinitionPointers(text) ? ReachableDefinitionsText(text) : context.TextOf(schemaRoot);
        return "record\n" + text + "\n" + reach + (sharedAcrossTools ? "" : "\n@" + toolName);
    }

    /// <summary>The definitions a schema's text refers to, directly or through each other, in a stable order.</summary>
    private string ReachableDefinitionsText(string schemaText)
    {
        var seen = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var pending = new Queue<string>(JsonPointer.DefinitionPointers(schemaText));
        while (pending.Count > 0)
        {
            var pointer = pending.Dequeue();
            if (seen.ContainsKey(pointer))
            {
                continue;
            }

            var text = JsonPointer.Resolve(schemaRoot, pointer) is { } target ? context.TextOf(target) : "";
            seen[pointer] = text;
            foreach (var next in JsonPointer.DefinitionPointers(text))
            {
                pending.Enqueue(next);
            }
        }

        return string.Concat(seen.Select(entry => entry.Key + "=" + entry.Value + "\n"));
    }

    private TypeRef Unsupported(JsonNode schema, string path, string reason)
    {
        context.Report(DiagnosticDescriptors.UnsupportedSchema, context.LocationOf(schema), path, toolName, reason);
        return TypeRef.Json;
    }

    private static string? DescriptionOf(JsonNode schema) =>
        schema.Kind == JsonKind.Object ? schema.StringOf("description") ?? schema.StringOf("title") : null;

    private static string TitleOr(JsonNode schema, string preferredName) =>
        schema.StringOf("title") is { } title ? Naming.ToPascalCase(title, preferredName) : preferredName;
}
