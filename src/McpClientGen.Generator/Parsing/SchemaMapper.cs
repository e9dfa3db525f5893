using System;
using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Emitting;
using McpClientGen.Generator.Model;
using McpClientGen.Generator.Parsing.Json;

namespace McpClientGen.Generator.Parsing;

/// <summary>
/// Maps one tool's JSON Schemas (JSON Schema 2020-12 as MCP uses it) to C# types, creating records and enums
/// in the <see cref="SnapshotContext"/>. What it cannot map becomes <c>JsonElement</c> with an info
/// diagnostic that says why.
/// </summary>
internal sealed class SchemaMapper(SnapshotContext context, string toolName, JsonNode schemaRoot)
{
    /// <summary>Guards against <c>$ref</c> cycles until recursive types are supported.</summary>
    private readonly HashSet<JsonNode> _resolving = new();

    /// <summary>Maps the properties of an object schema, required ones first, each group in document order.</summary>
    /// <param name="objectSchema">The object schema.</param>
    /// <param name="ownerTypeName">Prefix for the names of types generated for nested schemas.</param>
    /// <param name="isRecord">Whether the properties belong to a record, whose members may not share its name.</param>
    public List<PropertySpec> MapProperties(JsonNode objectSchema, string ownerTypeName, bool isRecord)
    {
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (objectSchema["required"] is { Kind: JsonKind.Array } requiredList)
        {
            foreach (var item in requiredList.Items.Where(item => item.Kind == JsonKind.String))
            {
                required.Add(item.Text!);
            }
        }

        var properties = new List<PropertySpec>();
        if (objectSchema["properties"] is not { } propertiesNode)
        {
            return properties;
        }

        if (propertiesNode.Kind != JsonKind.Object)
        {
            context.ReportStructure(propertiesNode, $"'properties' of tool '{toolName}' must be an object");
            return properties;
        }

        var usedIdentifiers = new HashSet<string>(StringComparer.Ordinal);
        // A record member may not share the record's name; a parameter may not shadow the cancellation token.
        usedIdentifiers.Add(isRecord ? ownerTypeName : "CancellationToken");

        foreach (var property in propertiesNode.Properties)
        {
            var identifier = UniqueNames.Reserve(usedIdentifiers, Naming.ToPascalCase(property.Name, "Value"));
            var type = Map(property.Value, ownerTypeName + identifier, property.Name);
            properties.Add(new PropertySpec(
                property.Name,
                identifier,
                type,
                required.Contains(property.Name),
                property.Value.Kind == JsonKind.Object ? property.Value.StringOf("description") : null));
        }

        return properties.OrderBy(p => p.IsRequired ? 0 : 1).ToList();
    }

    /// <summary>Maps an object schema to a generated record.</summary>
    public TypeRef MapRecord(JsonNode objectSchema, string preferredName)
    {
        var name = context.ReserveTypeName(TitleOr(objectSchema, preferredName));
        var properties = MapProperties(objectSchema, name, isRecord: true);
        context.Records.Add(new RecordSpec(name, objectSchema.StringOf("description"), properties.ToEquatableArray()));
        return new TypeRef(TypeKind.Record, name);
    }

    private TypeRef Map(JsonNode schema, string preferredName, string path)
    {
        if (schema.Kind != JsonKind.Object)
        {
            return Unsupported(schema, path, "its schema is not an object");
        }

        if (schema.StringOf("$ref") is { } reference)
        {
            return MapReference(schema, reference, preferredName, path);
        }

        if (schema["enum"] is { } enumNode)
        {
            return MapEnum(schema, enumNode, preferredName, path);
        }

        var type = SingleType(schema, out var problem);
        switch (type)
        {
            case "string":
                return TypeRef.String;
            case "integer":
                return schema.StringOf("format") == "int32" ? TypeRef.Int32 : TypeRef.Int64;
            case "number":
                return TypeRef.Double;
            case "boolean":
                return TypeRef.Boolean;
            case "object" when schema["properties"] is { Kind: JsonKind.Object }:
                return MapRecord(schema, preferredName);
            default:
                return Unsupported(schema, path, problem ?? $"type '{type}' is not mapped yet");
        }
    }

    private TypeRef MapReference(JsonNode schema, string reference, string preferredName, string path)
    {
        var target = ResolvePointer(reference);
        if (target is null)
        {
            context.ReportStructure(schema, $"the $ref '{reference}' in tool '{toolName}' does not resolve within its schema");
            return TypeRef.Json;
        }

        if (!_resolving.Add(target))
        {
            return Unsupported(schema, path, $"the $ref '{reference}' is recursive");
        }

        try
        {
            return Map(target, preferredName, path);
        }
        finally
        {
            _resolving.Remove(target);
        }
    }

    private TypeRef MapEnum(JsonNode schema, JsonNode enumNode, string preferredName, string path)
    {
        if (enumNode.Kind != JsonKind.Array || enumNode.Items.Count == 0 || enumNode.Items.Any(item => item.Kind != JsonKind.String))
        {
            return Unsupported(schema, path, "only non-empty enums of strings are mapped to C# enums");
        }

        var wireValues = enumNode.Items.Select(item => item.Text!).Distinct(StringComparer.Ordinal).ToList();

        // Two parameters with the same values (the C# SDK repeats an enum's schema per parameter) share one type.
        var existing = context.Enums.FirstOrDefault(e => e.Members.Select(m => m.WireValue).SequenceEqual(wireValues));
        if (existing is not null)
        {
            return new TypeRef(TypeKind.Enum, existing.Name);
        }

        var usedIdentifiers = new HashSet<string>(StringComparer.Ordinal);
        var members = wireValues
            .Select(value => new EnumMemberSpec(UniqueNames.Reserve(usedIdentifiers, Naming.ToPascalCase(value, "Value")), value))
            .ToEquatableArray();
        var name = context.ReserveTypeName(TitleOr(schema, preferredName));
        context.Enums.Add(new EnumSpec(name, schema.StringOf("description"), members));
        return new TypeRef(TypeKind.Enum, name);
    }

    /// <summary>The one non-null type of a schema: <c>"string"</c> or <c>["string", "null"]</c>.</summary>
    private static string? SingleType(JsonNode schema, out string? problem)
    {
        problem = null;
        var typeNode = schema["type"];
        switch (typeNode?.Kind)
        {
            case JsonKind.String:
                return typeNode.Text;
            case JsonKind.Array:
                var types = typeNode.Items.Where(item => item.Kind == JsonKind.String && item.Text != "null").Select(item => item.Text).ToList();
                if (types.Count == 1)
                {
                    return types[0];
                }

                problem = "it allows several types";
                return null;
            default:
                problem = "it declares no type";
                return null;
        }
    }

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

    private TypeRef Unsupported(JsonNode schema, string path, string reason)
    {
        context.Report(DiagnosticDescriptors.UnsupportedSchema, context.LocationOf(schema), path, toolName, reason);
        return TypeRef.Json;
    }

    private static string TitleOr(JsonNode schema, string preferredName) =>
        schema.StringOf("title") is { } title ? Naming.ToPascalCase(title, preferredName) : preferredName;
}
