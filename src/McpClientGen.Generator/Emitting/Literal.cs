using Microsoft.CodeAnalysis.CSharp;

namespace McpClientGen.Generator.Emitting;

/// <summary>C# string literals for wire names and settings, escaped by Roslyn itself.</summary>
internal static class Literal
{
    public static string Of(string? value) =>
        value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);
}
