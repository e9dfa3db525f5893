using System.Linq;
using McpClientGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Diagnostics;

/// <summary>A diagnostic as a value: the descriptor's id, where, and the message arguments.</summary>
/// <remarks>
/// Only the diagnostics pipeline carries these, never a model that drives emission. The location is Roslyn's own:
/// in C# source it keeps its syntax tree, because the compiler applies <c>#pragma warning disable</c> and
/// <c>.editorconfig</c> severities only to locations in a tree (a file path and span would be reported but never
/// suppressed). Locations compare by tree and span, so an unchanged file keeps its diagnostics cached.
/// </remarks>
internal sealed record DiagnosticInfo(string Id, Location? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        new(descriptor.Id, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location, Arguments.Items.Cast<object>().ToArray());
}
