using System.Linq;
using McpClientGen.Generator.Common;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Parsing;

/// <summary>
/// The signature of an explicit implementation of a declared interface method, spelled so that it compiles in the
/// generated class whatever the user's <c>using</c>s are. The generated class implements every declared method with
/// it when the method does not fit its tool, so the build's only error is the generator's own diagnostic.
/// </summary>
internal static class ExplicitSignature
{
    private static readonly SymbolDisplayFormat Qualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>A generic type's name alone, for spelling its type arguments one by one; the <c>?</c> is added after them.</summary>
    private static readonly SymbolDisplayFormat GenericName = SymbolDisplayFormat.FullyQualifiedFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None);

    /// <summary>For example <c>global::System.Threading.Tasks.Task global::Contoso.IOrdersClient.CancelAsync(string orderId)</c>.</summary>
    public static string Of(IMethodSymbol method)
    {
        var owner = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var typeParameters = method.TypeParameters.Length == 0 ? "" : "<" + string.Join(", ", method.TypeParameters.Select(t => t.Name)) + ">";
        var parameters = method.Parameters.Select(p => RefKindOf(p.RefKind) + TypeOf(p.Type, owner) + " " + Naming.EscapeKeyword(p.Name));
        return $"{TypeOf(method.ReturnType, owner)} {owner}.{Naming.EscapeKeyword(method.Name)}{typeParameters}({string.Join(", ", parameters)})";
    }

    /// <summary>
    /// A type the compiler could not resolve is one the generator is about to emit, nested in the interface (the
    /// user wrote <c>OrdersFindResult</c> beside it), so it is qualified with the interface.
    /// </summary>
    private static string TypeOf(ITypeSymbol type, string owner)
    {
        if (!ContainsUnresolved(type))
        {
            return type.ToDisplayString(Qualified);
        }

        var nullable = type.NullableAnnotation == NullableAnnotation.Annotated ? "?" : "";
        return type switch
        {
            IArrayTypeSymbol array => TypeOf(array.ElementType, owner) + "[" + new string(',', array.Rank - 1) + "]" + nullable,
            INamedTypeSymbol { TypeKind: TypeKind.Error } unresolved => owner + "." + unresolved.Name + TypeArguments(unresolved, owner) + nullable,
            INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } value => TypeOf(value.TypeArguments[0], owner) + "?",
            INamedTypeSymbol generic => generic.ToDisplayString(GenericName) + TypeArguments(generic, owner) + nullable,
            _ => type.ToDisplayString(Qualified),
        };
    }

    private static string TypeArguments(INamedTypeSymbol type, string owner) =>
        type.TypeArguments.Length == 0 ? "" : "<" + string.Join(", ", type.TypeArguments.Select(t => TypeOf(t, owner))) + ">";

    private static bool ContainsUnresolved(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error } => true,
        IArrayTypeSymbol array => ContainsUnresolved(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsUnresolved),
        _ => false,
    };

    private static string RefKindOf(RefKind kind) => kind switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.In => "in ",
        _ => "",
    };
}
