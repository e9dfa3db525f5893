using System;
using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Common;
using McpClientGen.Generator.Model;
using McpClientGen.Generator.Parsing.Json;

namespace McpClientGen.Generator.Parsing.Schemas;

/// <summary>Object schemas: their properties (merged through <c>allOf</c> and <c>$ref</c>) and the records made for them.</summary>
internal sealed partial class SchemaMapper
{
    /// <summary>Names that a record member may not take, because records or <c>object</c> already declare them.</summary>
    private static readonly string[] RecordMemberNames =
        ["EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize"];

    /// <summary>
    /// Maps the properties of an object schema — with the schemas merged into it by <c>allOf</c> or a root
    /// <c>$ref</c> — required ones first.
    /// </summary>
    /// <param name="objectSchema">The object schema.</param>
    /// <param name="ownerTypeName">Prefix for the names of types generated for nested schemas.</param>
    /// <param name="recordName">The record the properties become members of, whose name they may not take.</param>
    /// <param name="areParameters">
    /// Whether they are also tool parameters, which may not take the cancellation token's name, and which a
    /// <c>default</c> makes optional even when they are required.
    /// </param>
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
                var isRequired = required.Contains(property.Name);
                // A const is the one value a caller could pass, so it is documented. Unlike a default it leaves a required
                // parameter required and in its place: were it optional it would move behind the others, and a call
                // written for the schema without the const would pass its arguments to the wrong parameters unnoticed.
                var constant = property.Value["default"] is null && type.Kind != TypeKind.Json ? property.Value["const"] : null;
                properties.Add(new PropertySpec(
                    property.Name,
                    identifier,
                    type,
                    isRequired,
                    DescriptionOf(property.Value),
                    (property.Value["default"] ?? constant)?.JsonText,
                    SendsDefaultWhenNull: areParameters && isRequired && property.Value["default"] is not null,
                    IsConstant: constant is not null));
            }
        }

        // Optional parameters must follow the others, and records list their members in the same order.
        return properties.OrderBy(p => p.IsOptionalInCSharp ? 1 : 0).ToList();
    }

    /// <summary>
    /// Why a tool's arguments are not a fixed set of properties — a union, or a free-form map — so the method takes
    /// them as one JSON object; <see langword="null"/> when they are, or when the tool has <paramref name="parameters"/>.
    /// </summary>
    public string? FreeFormArgumentsReason(JsonNode inputSchema, IReadOnlyCollection<PropertySpec> parameters)
    {
        if (parameters.Count > 0)
        {
            return null;
        }

        var kinds = ObjectParts(inputSchema).Select(part => Classify(part).Kind).ToList();
        return kinds.Any(kind => kind is SchemaKind.Union or SchemaKind.Alternative) ? "the arguments are one of several shapes"
            : kinds.Contains(SchemaKind.Map) ? "the arguments are a map with free-form names"
            : null;
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
        var namesItself = isDefinition || title is not null;
        var key = SchemaIdentity.Of(schemaRoot, objectSchema) + (namesItself ? "" : "\n@" + toolName);
        if (context.TryGetDefinition(key, out var known))
        {
            if (!namesItself)
            {
                context.Shared.Reused(key, preferredName);
            }

            return known;
        }

        // Registered before its members are mapped, so a schema that contains itself refers to its own record.
        var name = namesItself ? TitleOr(objectSchema, preferredName) : context.Shared.NameFor(key, preferredName);
        var record = TypeRef.Record(context.ReserveTypeName(name, objectSchema));
        context.Define(key, record);
        var properties = MapProperties(objectSchema, record.Name!, record.Name!, areParameters: false);
        context.Records.Add(new RecordSpec(record.Name!, DescriptionOf(objectSchema), properties.ToEquatableArray()));
        return record;
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
}
