using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Emitting;

/// <summary>
/// Emits expressions that read values from a <c>JsonElement</c>: built-in types through the runtime's
/// <c>ToolResultReader</c> (which names the property and the tool when a value is missing or has the wrong type),
/// records, enums, lists and maps through generated helpers.
/// </summary>
internal static class JsonReadEmitter
{
    /// <summary>Reads a record property from <c>element</c>.</summary>
    public static string Property(PropertySpec property)
    {
        var name = Literal.Of(property.WireName);
        var type = property.Type.WithNullable(false);
        var local = "__" + property.Identifier;

        // A property that may be null may also be missing, even when required: servers built on the C# SDK list
        // nullable members as required but leave nulls out.
        return property.IsNullableInCSharp
            ? $"{TypeSyntax.ToolResultReader}.TryGetProperty(element, {name}, out var {local}) ? {Value(type, local, name)} : null"
            : Value(type, $"{TypeSyntax.ToolResultReader}.RequiredProperty(element, {name}, toolName)", name);
    }

    /// <summary>Reads a value (null-aware when <paramref name="type"/> is nullable) from an element variable.</summary>
    public static string Item(TypeRef type, string element, string property) =>
        type.IsNullable
            ? $"{element}.ValueKind == {TypeSyntax.JsonValueKind}.Null ? null : {Value(type.WithNullable(false), element, property)}"
            : Value(type, element, property);

    /// <summary>Reads a non-null value of <paramref name="type"/>.</summary>
    public static string Value(TypeRef type, string element, string property)
    {
        if (JsonShape.BuiltInReader(type) is { } reader)
        {
            return $"{TypeSyntax.ToolResultReader}.{reader}({element}, {property}, toolName)";
        }

        return type.Kind == TypeKind.Json
            ? $"{element}.Clone()"
            : $"Read{JsonShape.Name(type)}({element}, {property}, toolName)";
    }
}
