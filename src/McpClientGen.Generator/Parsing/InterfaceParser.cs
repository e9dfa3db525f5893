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
            diagnostics.ToEquatableArray());
    }

    private static string? ReadScopes(INamedTypeSymbol symbol)
    {
        var attribute = symbol.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == ClientCredentialsAttribute);
        return attribute?.NamedArguments.FirstOrDefault(argument => argument.Key == "Scopes").Value.Value as string;
    }
}
