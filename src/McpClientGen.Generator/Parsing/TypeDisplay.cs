using System.Linq;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Parsing;

/// <summary>
/// Simple display names of declared types (<c>IReadOnlyList&lt;Address?&gt;</c>), comparable with the names of
/// mapped types. Namespaces and containing types are left out on purpose: the generated types a declaration
/// refers to do not exist yet when it is read, so the compiler only knows them by name.
/// </summary>
internal static class TypeDisplay
{
    public static string Of(ITypeSymbol type)
    {
        var (name, nullable) = WithoutTopNullable(type);
        return nullable ? name + "?" : name;
    }

    /// <summary>The name without a top-level <c>?</c>, and whether it had one.</summary>
    public static (string Name, bool IsNullable) WithoutTopNullable(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullableValue)
        {
            return (Of(nullableValue.TypeArguments[0]), true);
        }

        var nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
        return type switch
        {
            IArrayTypeSymbol array => (Of(array.ElementType) + "[]", nullable),
            _ when Keyword(type.SpecialType) is { } keyword => (keyword, nullable),
            INamedTypeSymbol { TypeArguments.Length: > 0 } generic =>
                (generic.Name + "<" + string.Join(", ", generic.TypeArguments.Select(Of)) + ">", nullable),
            _ => (type.Name, nullable),
        };
    }

    private static string? Keyword(SpecialType specialType) => specialType switch
    {
        SpecialType.System_String => "string",
        SpecialType.System_Int64 => "long",
        SpecialType.System_Int32 => "int",
        SpecialType.System_Double => "double",
        SpecialType.System_Boolean => "bool",
        SpecialType.System_Object => "object",
        SpecialType.System_Single => "float",
        SpecialType.System_Decimal => "decimal",
        _ => null,
    };
}
