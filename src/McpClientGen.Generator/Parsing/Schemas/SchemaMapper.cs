using System;
using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Common;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Model;
using McpClientGen.Generator.Parsing.Json;

namespace McpClientGen.Generator.Parsing.Schemas;

/// <summary>
/// Maps one tool schema (JSON Schema 2020-12 as MCP uses it) to C# types, adding records and enums to the
/// <see cref="SnapshotContext"/>. The <see cref="SchemaClassifier"/> decides each schema's shape; this turns the
/// shape into a type. What has no C# counterpart becomes <c>JsonElement</c> with an info diagnostic that names the
/// construct and where it is.
/// </summary>
internal sealed partial class SchemaMapper(SnapshotContext context, string toolName, JsonNode schemaRoot)
{
    private readonly SchemaClassifier _classifier = new(schemaRoot);

    /// <summary><c>$ref</c> targets being mapped right now, to stop a reference to itself that is not a record.</summary>
    private readonly HashSet<JsonNode> _resolving = new();

    public SchemaShape Classify(JsonNode schema) => _classifier.Classify(schema);

    /// <summary>Maps a schema to a C# type; <paramref name="preferredName"/> names a record or enum made for it.</summary>
    public TypeRef Map(JsonNode schema, string preferredName, string path)
    {
        var shape = Classify(schema);
        var mapped = shape switch
        {
            { Unsupported: { } reason } => Unsupported(schema, path, reason),
            { Kind: SchemaKind.Reference } => MapReference(schema, schema.StringOf("$ref")!, preferredName, path),
            { Kind: SchemaKind.Alternative or SchemaKind.Alias } => Map(shape.Inner!, preferredName, path),
            { Kind: SchemaKind.Enum } => MapEnum(schema, shape.Inner!, preferredName),
            { Kind: SchemaKind.Record } => MapRecord(schema, preferredName),
            { Kind: SchemaKind.Map } => TypeRef.MapOf(Map(shape.Inner!, preferredName + "Value", path + "{}")),
            { Kind: SchemaKind.List } => TypeRef.ListOf(Map(shape.Inner!, Naming.ItemOf(preferredName), path + "[]")),
            { Kind: SchemaKind.String } => MapString(schema),
            { Kind: SchemaKind.Integer } => schema.StringOf("format") == "int32" ? TypeRef.Int32 : TypeRef.Int64,
            { Kind: SchemaKind.Number } => TypeRef.Double,
            _ => TypeRef.Boolean,
        };
        return mapped.OrNull(shape.IsNullable);
    }

    private static TypeRef MapString(JsonNode schema) => schema.StringOf("format") switch
    {
        "date-time" => TypeRef.DateTimeOffset,
        "date" => TypeRef.DateOnly,
        "uuid" => TypeRef.Guid,
        "uri" => TypeRef.Uri,
        _ => TypeRef.String,
    };

    /// <summary>
    /// A reference to a record is that record, named after the definition; a reference to anything else is mapped
    /// in place, unless it leads back to itself without an object in between.
    /// </summary>
    private TypeRef MapReference(JsonNode schema, string reference, string preferredName, string path)
    {
        // Through the schema's own $id a reference stays in this document: unresolved, it is a local one (MCPGEN010).
        var local = JsonPointer.InDocument(schemaRoot, reference);
        var target = JsonPointer.Resolve(schemaRoot, local);
        if (target is null && !JsonPointer.IsLocal(local))
        {
            // Fetching it would send the build (or the client) wherever the server says (SEP-2106); the value stays JSON.
            return Unsupported(schema, path, $"the $ref '{reference}' points into another document, which is never fetched");
        }

        if (target is null)
        {
            context.Report(DiagnosticDescriptors.UnresolvedReference, schema.Location, reference, toolName);
            return TypeRef.Json;
        }

        // An anchored schema names itself, as a $defs entry does, so '#place' and '#/$defs/place' share one type.
        var definitionName = (JsonPointer.DefinitionName(local) ?? JsonPointer.AnchorName(local)) is { } name
            ? Naming.ToPascalCase(name, preferredName)
            : null;
        if (Classify(target).Kind == SchemaKind.Record)
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

    private TypeRef MapEnum(JsonNode schema, JsonNode enumNode, string preferredName)
    {
        var values = enumNode.Items.Where(item => item.Kind == JsonKind.String).ToList();
        var wireValues = values.Select(item => item.Text!).Distinct(StringComparer.Ordinal).ToList();

        // The C# SDK repeats an enum's schema for each parameter; equal value sets in one tool share one type.
        var title = schema.StringOf("title");
        var key = "enum\n" + string.Join("\n", wireValues) + (title is null ? "\n@" + toolName : "\n#" + title);
        if (context.TryGetDefinition(key, out var type))
        {
            if (title is null)
            {
                context.Shared.Reused(key, preferredName);
            }
        }
        else
        {
            var usedIdentifiers = new HashSet<string>(StringComparer.Ordinal);
            var distinct = values.GroupBy(item => item.Text!, StringComparer.Ordinal).ToList();
            var preferred = SpelledNames.For(distinct.Select(group => group.Key).ToList(), "Value");
            var members = distinct
                .Select((group, i) => new EnumMemberSpec(
                    context.ReserveName(usedIdentifiers, preferred[i], group.Key, "enum value", group.First()),
                    group.Key))
                .ToEquatableArray();
            type = TypeRef.Enum(context.ReserveTypeName(title is null ? context.Shared.NameFor(key, preferredName) : TitleOr(schema, preferredName), schema));
            context.Define(key, type);
            context.Enums.Add(new EnumSpec(type.Name!, DescriptionOf(schema), members));
        }

        return type;
    }

    private TypeRef Unsupported(JsonNode schema, string path, string reason)
    {
        context.Report(DiagnosticDescriptors.UnsupportedSchema, schema.Location, path, toolName, reason);
        return TypeRef.Json;
    }

    private static string? DescriptionOf(JsonNode schema) =>
        schema.Kind == JsonKind.Object ? schema.StringOf("description") ?? schema.StringOf("title") : null;

    private static string TitleOr(JsonNode schema, string preferredName) =>
        schema.StringOf("title") is { } title ? Naming.ToPascalCase(title, preferredName) : preferredName;
}
