using System.Collections.Generic;
using System.Linq;
using System.Threading;
using McpClientGen.Generator.Diagnostics;
using McpClientGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace McpClientGen.Generator.Parsing;

/// <summary>Reads an <c>[McpClient]</c> interface into a <see cref="ParsedInterface"/>.</summary>
internal static class InterfaceParser
{
    public const string McpClientAttribute = "McpClientGen.McpClientAttribute";
    public const string ClientCredentialsAttribute = "McpClientGen.ClientCredentialsAttribute";
    public const string McpToolAttribute = "McpClientGen.McpToolAttribute";

    public static ParsedInterface Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var symbol = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (InterfaceDeclarationSyntax)context.TargetNode;
        var attribute = context.Attributes[0];
        var diagnostics = new List<DiagnosticInfo>();

        var snapshotName = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var argumentLocation = attributeSyntax?.ArgumentList?.Arguments.FirstOrDefault()?.GetLocation() ?? attributeSyntax?.GetLocation();

        if (string.IsNullOrWhiteSpace(snapshotName))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSnapshotName, argumentLocation));
        }

        var identifierLocation = syntax.Identifier.GetLocation();
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

        var jsonContext = JsonContextReader.Read(attribute, attributeSyntax);
        var spec = new InterfaceSpec(
            symbol.ContainingNamespace.IsGlobalNamespace ? "" : symbol.ContainingNamespace.ToDisplayString(),
            symbol.Name,
            symbol.DeclaredAccessibility == Accessibility.Public,
            ReadScopes(symbol));
        // The AsAITools class is new beside clients that already existed: a type of the user's with its name keeps
        // the build working (the class is left out) instead of failing it with a duplicate definition.
        if (symbol.ContainingNamespace.GetTypeMembers(spec.AIToolsClassName).Length > 0)
        {
            spec = spec with { HasAITools = false };
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AIToolsClassNameTaken, identifierLocation, spec.AIToolsClassName, symbol.Name));
        }
        return new ParsedInterface(
            spec,
            snapshotName?.Trim() ?? "",
            argumentLocation,
            ReadFilter(attribute, attributeSyntax, "Include"),
            ReadFilter(attribute, attributeSyntax, "Exclude"),
            ReadDeclaredTools(symbol, jsonContext, cancellationToken),
            symbol.GetMembers().Select(member => member.Name).Distinct().OrderBy(name => name, System.StringComparer.Ordinal).ToEquatableArray(),
            SignatureTypeNames.Of(symbol),
            diagnostics.ToEquatableArray(),
            jsonContext?.Problem);
    }

    private static string? ReadScopes(INamedTypeSymbol symbol)
    {
        var attribute = symbol.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == ClientCredentialsAttribute);
        return attribute?.NamedArguments.FirstOrDefault(argument => argument.Key == "Scopes").Value.Value as string;
    }

    /// <summary>The patterns of <c>Include</c> or <c>Exclude</c>, each located at its own array element.</summary>
    private static EquatableArray<ToolFilter> ReadFilter(AttributeData attribute, AttributeSyntax? syntax, string name)
    {
        var value = attribute.NamedArguments.FirstOrDefault(argument => argument.Key == name).Value;
        if (value.Kind != TypedConstantKind.Array || value.Values.IsDefault)
        {
            return EquatableArray<ToolFilter>.Empty;
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
            .Select((pattern, index) => new ToolFilter(
                pattern.Value as string ?? "",
                (elements is not null && index < elements.Count ? elements[index] : argument ?? (SyntaxNode?)syntax)?.GetLocation()))
            .ToEquatableArray();
    }

    private static EquatableArray<DeclaredTool> ReadDeclaredTools(INamedTypeSymbol symbol, JsonContextSpec? jsonContext, CancellationToken cancellationToken)
    {
        var declared = new List<DeclaredTool>();
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
            var returnType = TypeDisplay.Of(method.ReturnType);
            var returnTypeLocation = syntax.ReturnType.GetLocation();
            declared.Add(new DeclaredTool(
                attribute.ConstructorArguments.FirstOrDefault().Value as string ?? "",
                (attributeSyntax?.ArgumentList?.Arguments.FirstOrDefault() ?? (SyntaxNode?)attributeSyntax)?.GetLocation(),
                method.Name,
                syntax.Identifier.GetLocation(),
                parameters,
                returnType,
                returnTypeLocation,
                ExplicitSignature.Of(method),
                DeclaredResultParser.Parse(method, jsonContext, symbol.Name, returnType, returnTypeLocation)));
        }

        return declared.ToEquatableArray();
    }

    private static DeclaredParameter ReadParameter(IParameterSymbol parameter, ParameterSyntax? syntax)
    {
        var (type, nullable) = TypeDisplay.WithoutTopNullable(parameter.Type);
        return new DeclaredParameter(
            parameter.Name,
            type,
            nullable,
            syntax?.Default?.Value.ToString(),
            syntax?.GetLocation(),
            syntax?.Type?.GetLocation() ?? syntax?.GetLocation(),
            ParameterRoles.Of(parameter.Type),
            parameter.Type.ToDisplayString());
    }
}
