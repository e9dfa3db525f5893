using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Emitting;

/// <summary>
/// Names the generated read/write helpers after the shape they handle: <c>ReadAddress</c>,
/// <c>WriteListOf_string</c>, <c>ReadMapOf_nullable_long</c>. Built-in types are spelled in lower case, which
/// generated type names never start with, and composites put <c>_</c> after a word, which generated type names
/// never do (their only <c>_</c> is a leading one before a digit), so helper names cannot clash.
/// </summary>
internal static class JsonShape
{
    public static string Name(TypeRef type)
    {
        var name = type.Kind switch
        {
            TypeKind.Record or TypeKind.Enum => type.Name!,
            TypeKind.List => "ListOf_" + Name(type.Element!),
            TypeKind.Map => "MapOf_" + Name(type.Element!),
            _ => type.Kind.ToString().ToLowerInvariant(),
        };
        return type.IsNullable ? "nullable_" + name : name;
    }

    /// <summary>
    /// For types the writer has direct methods for: the method family (<c>String</c>, <c>Number</c>,
    /// <c>Boolean</c>) and the value expression to pass; <see langword="null"/> for the others.
    /// </summary>
    public static (string Method, string Value)? Scalar(TypeRef type, string value, string helperPrefix) => type.Kind switch
    {
        TypeKind.String or TypeKind.DateTimeOffset or TypeKind.Guid => ("String", value),
        TypeKind.DateOnly => ("String", $"{value}.ToString(\"yyyy-MM-dd\", global::System.Globalization.CultureInfo.InvariantCulture)"),
        TypeKind.Uri => ("String", value + ".OriginalString"),
        TypeKind.Enum => ("String", $"{helperPrefix}ToWire({value})"),
        TypeKind.Int64 or TypeKind.Int32 or TypeKind.Double or TypeKind.Decimal or TypeKind.Single => ("Number", value),
        TypeKind.Boolean => ("Boolean", value),
        _ => null,
    };

    /// <summary>The runtime reader method for a built-in type, such as <c>ReadInt64</c>.</summary>
    public static string? BuiltInReader(TypeRef type) => type.Kind switch
    {
        TypeKind.Record or TypeKind.Enum or TypeKind.List or TypeKind.Map or TypeKind.Json => null,
        _ => "Read" + type.Kind,
    };
}
