using System.Collections.Generic;
using System.Linq;
using System.Threading;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace McpClientGen.Generator.Parsing;

/// <summary>Reads an <c>[McpClient]</c> interface into an <see cref="InterfaceSpec"/>.</summary>
internal static class InterfaceParser
{
    public const string McpClientAttribute = "McpClientGen.McpClientAttribute";
    public const string ClientCredentialsAttribute = "McpClientGen.ClientCredentialsAttribute";
    public const string McpToolAttribute = "McpClientGen.McpToolAttribute";

    public static InterfaceSpec Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var symbol = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (InterfaceDeclarationSyntax)context.TargetNode;
        var attribute = context.Attributes[0];
        var diagnostics = new List<DiagnosticInfo>();

        var snapshotName = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var argumentLocation = LocationInfo.From(
            attributeSyntax?.ArgumentList?.Arguments.FirstOrDefault()?.GetLocation() ?? attributeSyntax?.GetLocation());

        if (string.IsNullOrWhiteSpace(snapshotName))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSnapshotName, argumentLocation));
        }

        var identifierLocation = LocationInfo.From(syntax.Identifier.GetLocation());
        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InterfaceNotPartial, identifierLocation, symbol.Name));
        }

        if (symbol.IsGenericType)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericInterface, identifierLocation, symbol.Name));
        }

        if (symbol.ContainingType is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NestedInterface, identifierLocation, symbol.Name));
        }

        return new InterfaceSpec(
            symbol.ContainingNamespace.IsGlobalNamespace ? "" : symbol.ContainingNamespace.ToDisplayString(),
            symbol.Name,
            symbol.DeclaredAccessibility == Accessibility.Public,
            snapshotName?.Trim() ?? "",
            argumentLocation,
            ReadScopes(symbol),
            ReadFilter(attribute, attributeSyntax, "Include"),
            ReadFilter(attribute, attributeSyntax, "Exclude"),
            ReadDeclaredTools(symbol, cancellationToken),
            symbol.GetMembers().Select(member => member.Name).Distinct().OrderBy(name => name, System.StringComparer.Ordinal).ToEquatableArray(),
            diagnostics.ToEquatableArray());
    }

    private static string? ReadScopes(INamedTypeSymbol symbol)
    {
        var attribute = symbol.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == ClientCredentialsAttribute);
        return attribute?.NamedArguments.FirstOrDefault(argument => argument.Key == "Scopes").Value.Value as string;
    }

    /// <summary>The patterns of <c>Include</c> or <c>Exclude</c>, each located at its own array element.</summary>
    private static EquatableArray<ToolFilterSpec> ReadFilter(AttributeData attribute, AttributeSyntax? syntax, string name)
    {
        var value = attribute.NamedArguments.FirstOrDefault(argument => argument.Key == name).Value;
        if (value.Kind != TypedConstantKind.Array || value.Values.IsDefault)
        {
            return EquatableArray<ToolFilterSpec>.Empty;
        }

        var argument = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        var elements = argument?.Expression switch
        {
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions.Cast<SyntaxNode>().ToList(),
            ArrayCreationExpressionSyntax array => array.Initializer?.Expressions.Cast<SyntaxNode>().ToList(),
            CollectionExpressionSyntax collection => collection.Elements.Cast<SyntaxNode>().ToList(),
            _ => null,
        };

        return value.Values
            .Select((pattern, index) => new ToolFilterSpec(
                pattern.Value as string ?? "",
                LocationInfo.From((elements is not null && index < elements.Count ? elements[index] : argument ?? (SyntaxNode?)syntax)?.GetLocation())))
            .ToEquatableArray();
    }

    private static EquatableArray<DeclaredToolSpec> ReadDeclaredTools(INamedTypeSymbol symbol, CancellationToken cancellationToken)
    {
        var declared = new List<DeclaredToolSpec>();
        foreach (var method in symbol.GetMembers().OfType<IMethodSymbol>())
        {
            var attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == McpToolAttribute);
            if (attribute is null || method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not MethodDeclarationSyntax syntax)
            {
                continue;
            }

            var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            var parameters = method.Parameters
                .Select(parameter => ReadParameter(parameter, syntax.ParameterList.Parameters.ElementAtOrDefault(parameter.Ordinal)))
                .ToEquatableArray();
            declared.Add(new DeclaredToolSpec(
                attribute.ConstructorArguments.FirstOrDefault().Value as string ?? "",
                LocationInfo.From((attributeSyntax?.ArgumentList?.Arguments.FirstOrDefault() ?? (SyntaxNode?)attributeSyntax)?.GetLocation()),
                method.Name,
                LocationInfo.From(syntax.Identifier.GetLocation()),
                parameters,
                TypeDisplay.Of(method.ReturnType),
                LocationInfo.From(syntax.ReturnType.GetLocation())));
        }

        return declared.ToEquatableArray();
    }

    private static DeclaredParameterSpec ReadParameter(IParameterSymbol parameter, ParameterSyntax? syntax)
    {
        var (type, nullable) = TypeDisplay.WithoutTopNullable(parameter.Type);
        return new DeclaredParameterSpec(
            parameter.Name,
            type,
            nullable,
            syntax?.Default?.Value.ToString(),
            LocationInfo.From(syntax?.GetLocation()),
            LocationInfo.From(syntax?.Type?.GetLocation() ?? syntax?.GetLocation()));
    }
}
