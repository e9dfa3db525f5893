using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
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

    private static readonly Regex OtherPointer = new("\"\\$ref\"\\s*:\\s*\"(?!#/\\$defs/|#/definitions/)", RegexOptions.CultureInvariant);

    /// <summary><c>$ref</c> targets being mapped right now, to stop a reference to itself that is not a record.</summary>
    private readonly HashSet<JsonNode> _resolving = new();

    /// <summary>The text of the schema's <c>$defs</c> and <c>definitions</c>, part of every definition's identity.</summary>
    private readonly string _definitionsText =
        string.Concat(new[] { "$defs", "definitions" }.Select(key => schemaRoot[key] is { } node ? context.TextOf(node) : ""));

    /// <summary>
    /// What makes two schemas the same type: their text, plus what their <c>$ref</c>s can point at. Pointers into
    /// <c>$defs</c> depend on the definitions; other pointers (the C# SDK writes <c>#/properties/...</c>) on the whole root.
    /// </summary>
    private string IdentityOf(JsonNode schema)
    {
        var text = context.TextOf(schema);
        return OtherPointer.IsMatch(text) ? text + "\n" + context.TextOf(schemaRoot) : text + "\n" + _definitionsText;
    }

    /// <summary>Maps the properties of an object schema (or of several merged by <c>allOf</c>), required ones first.</summary>
    /// <param name="objectSchema">The object schema.</param>
    /// <param name="ownerTypeName">Prefix for the names of types generated for nested schemas.</param>
    /// <param name="recordName">The record the properties become members of, whose name they may not take.</param>
    public List<PropertySpec> MapProperties(JsonNode objectSchema, string ownerTypeName, string recordName)
    {
        var parts = new List<JsonNode>();
        CollectObjectParts(objectSchema, parts);
        var required = new HashSet<string>(
            parts.SelectMany(part => part["required"] is { Kind: JsonKind.Array } list ? list.Items : new List<JsonNode>())
                .Where(item => item.Kind == JsonKind.String)
                .Select(item => item.Text!),
            StringComparer.Ordinal);

        // Tool parameters are members of the arguments record too, and become camelCase next to the cancellation token.
        var usedIdentifiers = new HashSet<string>(RecordMemberNames, StringComparer.Ordinal) { recordName, "CancellationToken" };

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

    /// <summary>Maps a schema to a C# type; <paramref name="preferredName"/> names a record or enum made for it.</summary>
    public TypeRef Map(JsonNode schema, string preferredName, string path)
    {
        if (schema.Kind != JsonKind.Object)
        {
            return Unsupported(schema, path, schema.Kind == JsonKind.True ? "the schema 'true' accepts any value" : "its schema is not an object");
        }

        if (schema.StringOf("$ref") is { } reference)
        {
            return MapReference(schema, reference, preferredName, path);
        }

        if ((schema["anyOf"] ?? schema["oneOf"]) is { } alternatives)
        {
            return MapAlternatives(schema, alternatives, preferredName, path);
        }

        var types = TypesOf(schema, out var nullable);
        if (schema["enum"] is { } enumNode)
        {
            return MapEnum(schema, enumNode, preferredName, path).WithNullable(nullable);
        }

        if (schema["allOf"] is { Kind: JsonKind.Array } allOf)
        {
            return MapAllOf(schema, allOf, preferredName, path).WithNullable(nullable);
        }

        if (types.Count > 1)
        {
            return Unsupported(schema, path, $"it allows several types ({string.Join(", ", types)})");
        }

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
        return mapped.WithNullable(nullable || mapped.IsNullable);
    }

    /// <summary>
    /// Maps an object schema to a generated record named after its title, or <paramref name="preferredName"/>.
    /// Identical schemas (an input object echoed in the output, one <c>$defs</c> entry used twice) share one record.
    /// </summary>
    public TypeRef MapRecord(JsonNode objectSchema, string preferredName)
    {
        var key = IdentityOf(objectSchema);
        if (context.Definitions.TryGetValue(key, out var known))
        {
            return known;
        }

        // Registered before its members are mapped, so a schema that contains itself refers to its own record.
        var record = TypeRef.Record(context.ReserveTypeName(TitleOr(objectSchema, preferredName), objectSchema));
        context.Definitions[key] = record;
        FillRecord(record.Name!, objectSchema);
        return record;
    }

    private void FillRecord(string name, JsonNode objectSchema)
    {
        var properties = MapProperties(objectSchema, name, name);
        context.Records.Add(new RecordSpec(name, DescriptionOf(objectSchema), properties.ToEquatableArray()));
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
        var target = ResolvePointer(reference);
        if (target is null)
        {
            context.Report(DiagnosticDescriptors.UnresolvedReference, context.LocationOf(schema), reference, toolName);
            return TypeRef.Json;
        }

        var definitionName = DefinitionName(reference) ?? preferredName;
        if (IsRecordSchema(target))
        {
            return MapRecord(target, definitionName);
        }

        var key = IdentityOf(target);
        if (context.Definitions.TryGetValue(key, out var known))
        {
            return known;
        }

        if (!_resolving.Add(target))
        {
            return Unsupported(schema, path, $"the $ref '{reference}' refers to itself without an object in between");
        }

        try
        {
            var mapped = Map(target, definitionName, path);
            context.Definitions[key] = mapped;
            return mapped;
        }
        finally
        {
            _resolving.Remove(target);
        }
    }

    /// <summary><c>anyOf</c>/<c>oneOf</c>: a single alternative besides <c>null</c> is that alternative, nullable.</summary>
    private TypeRef MapAlternatives(JsonNode schema, JsonNode alternatives, string preferredName, string path)
    {
        if (alternatives.Kind != JsonKind.Array)
        {
            return Unsupported(schema, path, "'anyOf'/'oneOf' is not a list");
        }

        var nonNull = alternatives.Items.Where(alternative => !IsNullSchema(alternative)).ToList();
        if (nonNull.Count != 1)
        {
            return Unsupported(schema, path, $"a union of {nonNull.Count} alternatives has no C# counterpart");
        }

        var mapped = Map(nonNull[0], preferredName, path);
        return mapped.WithNullable(mapped.IsNullable || nonNull.Count < alternatives.Items.Count);
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

    /// <summary>Collects an object schema and, through <c>allOf</c> and <c>$ref</c>, the schemas merged into it.</summary>
    private void CollectObjectParts(JsonNode schema, List<JsonNode> parts)
    {
        if (parts.Contains(schema))
        {
            return;
        }

        parts.Add(schema);
        if (schema["allOf"] is { Kind: JsonKind.Array } allOf)
        {
            foreach (var part in allOf.Items.Select(part => Resolve(part) ?? part).Where(part => part.Kind == JsonKind.Object))
            {
                CollectObjectParts(part, parts);
            }
        }
    }

    private TypeRef MapEnum(JsonNode schema, JsonNode enumNode, string preferredName, string path)
    {
        if (enumNode.Kind != JsonKind.Array || enumNode.Items.Count == 0)
        {
            return Unsupported(schema, path, "'enum' is not a non-empty list");
        }

        var values = enumNode.Items.Where(item => item.Kind != JsonKind.Null).ToList();
        if (values.Count == 0 || values.Any(item => item.Kind != JsonKind.String))
        {
            return Unsupported(schema, path, "only enums of strings map to C# enums");
        }

        var wireValues = values.Select(item => item.Text!).Distinct(StringComparer.Ordinal).ToList();

        // Two parameters with the same values (the C# SDK repeats an enum's schema per parameter) share one type.
        var existing = context.Enums.FirstOrDefault(e => e.Members.Select(m => m.WireValue).SequenceEqual(wireValues));
        var nullable = values.Count < enumNode.Items.Count;
        if (existing is not null)
        {
            return TypeRef.Enum(existing.Name).WithNullable(nullable);
        }

        var usedIdentifiers = new HashSet<string>(StringComparer.Ordinal);
        var members = values
            .GroupBy(item => item.Text!, StringComparer.Ordinal)
            .Select(group => new EnumMemberSpec(
                context.ReserveName(usedIdentifiers, Naming.ToPascalCase(group.Key, "Value"), group.Key, "enum value", group.First()),
                group.Key))
            .ToEquatableArray();
        var name = context.ReserveTypeName(TitleOr(schema, preferredName), schema);
        context.Enums.Add(new EnumSpec(name, DescriptionOf(schema), members));
        return TypeRef.Enum(name).WithNullable(nullable);
    }

    /// <summary>The declared types without <c>"null"</c>; <paramref name="nullable"/> says whether <c>"null"</c> was one.</summary>
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

    private static bool IsNullSchema(JsonNode schema) =>
        schema.Kind == JsonKind.Object && schema.StringOf("type") == "null" && schema.Properties.Count == 1;

    private bool IsRecordSchema(JsonNode schema) =>
        schema.Kind == JsonKind.Object
        && schema["anyOf"] is null && schema["oneOf"] is null && schema["enum"] is null
        && TypesOf(schema, out _) is var types && (types.Count == 0 || (types.Count == 1 && types[0] == "object"))
        && ((schema["properties"] is { Kind: JsonKind.Object } properties && properties.Properties.Count > 0)
            || (schema["allOf"] is { Kind: JsonKind.Array } allOf && allOf.Items.Count > 1));

    private JsonNode? Resolve(JsonNode schema) =>
        schema.Kind == JsonKind.Object && schema.StringOf("$ref") is { } reference ? ResolvePointer(reference) : schema;

    /// <summary>Resolves a local JSON pointer such as <c>#/$defs/Address</c> or <c>#/properties/to</c>.</summary>
    private JsonNode? ResolvePointer(string reference)
    {
        if (!reference.StartsWith("#", StringComparison.Ordinal))
        {
            return null;
        }

        var node = schemaRoot;
        foreach (var rawSegment in reference.Substring(1).Split('/').Skip(1))
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

    /// <summary>The definition's name in <c>#/$defs/Name</c> or <c>#/definitions/Name</c>.</summary>
    private static string? DefinitionName(string reference)
    {
        var segments = reference.Split('/');
        return segments.Length == 3 && segments[1] is "$defs" or "definitions" && segments[2].Length > 0
            ? Naming.ToPascalCase(Uri.UnescapeDataString(segments[2]), "Definition")
            : null;
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
