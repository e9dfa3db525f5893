using System.Linq;
using McpClientGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Parsing;

/// <summary>
/// Reads the <c>T</c> of a declared method's <c>Task&lt;T&gt;</c> when it is a type that already exists: a
/// <c>JsonElement</c>, a <c>string</c>, or a type of the user's own, which is checked against the JSON context.
/// </summary>
internal static class DeclaredResultParser
{
    private static readonly SymbolDisplayFormat Emitted =
        SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>How messages spell the type for a <c>typeof</c>: short, and without nullable annotations.</summary>
    private static readonly SymbolDisplayFormat TypeOf =
        SymbolDisplayFormat.MinimallyQualifiedFormat.RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>
    /// The result, or <see langword="null"/> for everything the binder matches by name: <c>Task</c>,
    /// <c>Task&lt;CallToolResult&gt;</c>, generated types (not yet in the compilation), and anything not a <c>Task&lt;T&gt;</c>.
    /// <c>CallToolResult?</c> and <c>JsonElement?</c> are left to the binder too, which refuses them with MCPGEN015: a
    /// call never gives null for them, and a JSON context cannot help.
    /// </summary>
    public static DeclaredResult? Parse(IMethodSymbol method, JsonContextSpec? context, string interfaceName, string returnTypeDisplay, Location? returnTypeLocation)
    {
        if (method.ReturnType is not INamedTypeSymbol { TypeArguments.Length: 1 } task
            || task.ConstructedFrom.ToDisplayString() != "System.Threading.Tasks.Task<TResult>"
            || task.TypeArguments[0] is not { } result
            || !IsComplete(result)
            || WithoutNullable(result) is "ModelContextProtocol.Protocol.CallToolResult" or "System.Text.Json.JsonElement?")
        {
            return null;
        }

        var type = result.ToDisplayString(Emitted);
        if (result.ToDisplayString() == "System.Text.Json.JsonElement")
        {
            return new DeclaredResult(DeclaredResultKind.Json, type, null, null);
        }

        if (result.SpecialType == SpecialType.System_String)
        {
            return new DeclaredResult(DeclaredResultKind.Text, type, null, null);
        }

        var typeOf = result.ToDisplayString(TypeOf);
        if (context is null)
        {
            return new DeclaredResult(DeclaredResultKind.UserType, type, null, DiagnosticInfo.Create(
                DiagnosticDescriptors.DeclaredResultWithoutJsonContext, returnTypeLocation, method.Name, returnTypeDisplay, interfaceName, typeOf));
        }

        if (context.Problem is not null)
        {
            return new DeclaredResult(DeclaredResultKind.Unreadable, type, context.Type, null);
        }

        var problem = context.SerializableTypes.Contains(JsonContextReader.Key(result))
            ? null
            : DiagnosticInfo.Create(DiagnosticDescriptors.DeclaredResultNotInJsonContext, returnTypeLocation, method.Name, returnTypeDisplay, context.Display, typeOf);
        return new DeclaredResult(DeclaredResultKind.UserType, type, context.Type, problem);
    }

    /// <summary>The type's name without a reference type's <c>?</c>; a nullable value type keeps its <c>?</c>.</summary>
    private static string WithoutNullable(ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString();

    /// <summary>
    /// Whether the type and all its type arguments exist: a generated type inside, such as <c>List&lt;FindResult&gt;</c>,
    /// is not there yet. Type parameters and <c>dynamic</c> cannot be read either.
    /// </summary>
    private static bool IsComplete(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => IsComplete(array.ElementType),
        INamedTypeSymbol named => named.TypeKind != TypeKind.Error && named.TypeArguments.All(IsComplete),
        _ => false,
    };
}
