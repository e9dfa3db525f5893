using System.Linq;
using McpClientGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Model;

/// <summary>A diagnostic as a value: the descriptor's id, where, and the message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor.Id, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location?.ToLocation(), Arguments.Items.Cast<object>().ToArray());
}
