using System.Linq;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace McpClientGen.Generator.Parsing;

/// <summary>
/// The System.Text.Json context named by <c>[McpClient(JsonContext = typeof(X))]</c>. System.Text.Json's generator
/// writes the context's metadata and its static <c>Default</c>, but generators cannot see each other's output: so
/// the checks here read what that generator reads, the class's declaration and its <c>[JsonSerializable]</c> attributes.
/// </summary>
/// <param name="Type">The context, fully qualified.</param>
/// <param name="Display">The context's name for messages.</param>
/// <param name="SerializableTypes">The types its <c>[JsonSerializable]</c> attributes name, as <see cref="JsonContextReader.Key"/> spells them.</param>
/// <param name="Problem">Why it cannot be used (not a context, or no <c>Default</c>), reported where it is named.</param>
internal sealed record JsonContextSpec(string Type, string Display, EquatableArray<string> SerializableTypes, DiagnosticInfo? Problem);

/// <summary>Reads and checks the <c>JsonContext</c> argument of <c>[McpClient]</c>.</summary>
internal static class JsonContextReader
{
    public const string PropertyName = "JsonContext";
    private const string SerializerContext = "System.Text.Json.Serialization.JsonSerializerContext";
    private const string SerializableAttribute = "System.Text.Json.Serialization.JsonSerializableAttribute";

    /// <summary>
    /// How a type is compared with the <c>[JsonSerializable]</c> list: fully qualified, without nullable reference
    /// annotations, which <c>typeof</c> cannot carry.
    /// </summary>
    public static string Key(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    public static JsonContextSpec? Read(AttributeData attribute, AttributeSyntax? syntax)
    {
        var value = attribute.NamedArguments.FirstOrDefault(argument => argument.Key == PropertyName).Value;
        // typeof of a type that does not exist is already a compiler error.
        if (value.Value is not INamedTypeSymbol type || type.TypeKind == Microsoft.CodeAnalysis.TypeKind.Error)
        {
            return null;
        }

        var argument = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == PropertyName);
        var location = (argument?.Expression ?? (SyntaxNode?)syntax)?.GetLocation();
        var display = type.ToDisplayString();
        var serializable = type.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == SerializableAttribute)
            .Select(a => a.ConstructorArguments.FirstOrDefault().Value as ITypeSymbol)
            .Where(t => t is not null)
            .Select(t => Key(t!))
            .Distinct()
            .OrderBy(key => key, System.StringComparer.Ordinal)
            .ToEquatableArray();
        var problem = !DerivesFromSerializerContext(type)
            ? DiagnosticInfo.Create(DiagnosticDescriptors.JsonContextNotSerializerContext, location, display)
            : (WhyNotVisible(type) ?? WhyNoDefault(type, serializable.Count)) is { } reason
                ? DiagnosticInfo.Create(DiagnosticDescriptors.JsonContextWithoutDefault, location, display, reason)
                : null;
        return new JsonContextSpec(Key(type), display, serializable, problem);
    }

    private static bool DerivesFromSerializerContext(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == SerializerContext)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Why the generated client, in a file of its own, cannot name the class. A <c>typeof</c> in the attribute already
    /// fails to compile for a private or protected class, so only <c>file</c> (of the class or a containing one) is left.
    /// </summary>
    private static string? WhyNotVisible(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal)
            {
                var declare = current.Equals(type, SymbolEqualityComparer.Default) ? "it" : $"'{current.Name}'";
                return $"the generated client is in another file, and a file-local class is visible only in its own; declare {declare} 'internal' instead of 'file'";
            }
        }

        return null;
    }

    /// <summary>
    /// Why neither the user nor System.Text.Json's generator gives the class a static <c>Default</c>; that generator
    /// only completes a partial, non-generic, non-abstract class in partial containing types that has a <c>[JsonSerializable]</c>.
    /// </summary>
    private static string? WhyNoDefault(INamedTypeSymbol type, int serializableCount)
    {
        if (type.GetMembers("Default").Any(member => member.IsStatic && member is IPropertySymbol or IFieldSymbol))
        {
            return null;
        }

        if (type.DeclaringSyntaxReferences.Length == 0)
        {
            return "it comes compiled from another assembly without one; name a context that has a static 'Default'";
        }

        if (!IsPartial(type))
        {
            return $"declare it 'partial class {type.Name}' so that System.Text.Json's source generator adds one";
        }

        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            if (!IsPartial(container))
            {
                return $"declare the class '{container.Name}' that contains it 'partial' too, so that System.Text.Json's source generator can add one";
            }
        }

        if (type.IsGenericType || type.IsAbstract)
        {
            return "System.Text.Json's source generator adds one only to a class that is neither generic nor abstract";
        }

        return serializableCount == 0
            ? "System.Text.Json's source generator adds one only to a class with a [JsonSerializable(typeof(...))] attribute; add one per declared result type"
            : null;
    }

    private static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
}
