using System.Collections.Generic;
using System.Linq;
using McpClientGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Parsing;

/// <summary>
/// The simple names of the existing types that an interface's own members name in their signatures
/// (<c>Task&lt;Location&gt;</c> gives <c>Task</c> and <c>Location</c>). A type generated inside the interface with one
/// of these names would hide the user's type there and change what the declaration means.
/// </summary>
internal static class SignatureTypeNames
{
    public static EquatableArray<string> Of(INamedTypeSymbol declaration)
    {
        var names = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var member in declaration.GetMembers())
        {
            var types = member switch
            {
                IMethodSymbol method => method.Parameters.Select(p => p.Type).Prepend(method.ReturnType),
                IPropertySymbol property => property.Parameters.Select(p => p.Type).Prepend(property.Type),
                IEventSymbol @event => new[] { @event.Type },
                IFieldSymbol field => new[] { field.Type },
                _ => Enumerable.Empty<ITypeSymbol>(),
            };
            foreach (var type in types)
            {
                Add(type, names);
            }
        }

        return names.ToEquatableArray();
    }

    /// <summary>
    /// Adds the type and its element and type arguments. Generated types do not exist yet (error types): their names
    /// are what the declaration means, so they are left out.
    /// </summary>
    private static void Add(ITypeSymbol type, SortedSet<string> names)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                Add(array.ElementType, names);
                break;
            case INamedTypeSymbol named when named.TypeKind != Microsoft.CodeAnalysis.TypeKind.Error:
                names.Add(named.Name);
                foreach (var argument in named.TypeArguments)
                {
                    Add(argument, names);
                }

                break;
        }
    }
}
