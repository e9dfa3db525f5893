using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. IDs are stable; they are listed in the README.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "McpClientGen";

    public static readonly DiagnosticDescriptor SnapshotNotFound = new(
        "MCPGEN001",
        "MCP snapshot not found",
        "No snapshot named '{0}' was found; {1}. McpClientGen reads the project's schemas/**/*.mcp.json files as snapshots (or those the McpClientGenSnapshots property names): capture this one with 'mcpgen snapshot <server-url> -o schemas/{0}.mcp.json'.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidSnapshotJson = new(
        "MCPGEN002",
        "MCP snapshot is not valid JSON",
        "The snapshot '{0}' is not valid JSON: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InterfaceNotPartial = new(
        "MCPGEN003",
        "MCP client interface must be partial",
        "The interface '{0}' has [McpClient] but is not partial, so no members can be generated for it; add the 'partial' modifier",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidSnapshotStructure = new(
        "MCPGEN004",
        "MCP snapshot has an invalid structure",
        "The snapshot '{0}' is not a tools/list result: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedSchema = new(
        "MCPGEN005",
        "Schema mapped to JsonElement",
        "'{0}' in tool '{1}' is mapped to JsonElement: {2}",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidSnapshotName = new(
        "MCPGEN006",
        "MCP snapshot name is empty",
        "[McpClient] needs the snapshot's name, for example [McpClient(\"crm\")] for schemas/crm.mcp.json",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor AmbiguousSnapshot = new(
        "MCPGEN007",
        "MCP snapshot name is ambiguous",
        "More than one snapshot is named '{0}': {1}; keep one, or rename the others",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NestedInterface = new(
        "MCPGEN008",
        "MCP client interface must be top-level",
        "The interface '{0}' is nested in a type; declare MCP client interfaces directly in a namespace",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NameCollision = new(
        "MCPGEN009",
        "Wire names collide in C#",
        "The {1} '{0}' would be named '{2}' in C#, but that name is already taken, so it is named '{3}'",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "MCPGEN010",
        "Schema reference does not resolve",
        "The $ref '{0}' in tool '{1}' does not resolve within its schema, so the value is mapped to JsonElement",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DeclaredToolNotFound = new(
        "MCPGEN011",
        "Declared tool not found",
        "[McpTool(\"{0}\")] names no tool of the snapshot '{1}'; its tools are: {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DeclaredParameterMismatch = new(
        "MCPGEN012",
        "Declared parameter does not fit the tool",
        "Parameter '{0}' of '{1}' does not fit the tool '{2}': {3}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DeclaredParameterType = new(
        "MCPGEN013",
        "Declared parameter has the wrong type",
        "Parameter '{0}' of '{1}' is declared as '{2}', but the property '{3}' of tool '{4}' maps to '{5}'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingRequiredParameter = new(
        "MCPGEN014",
        "Declared method lacks a required property",
        "'{0}' has no parameter for the required property '{1}' of tool '{2}'; add '{3} {4}'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DeclaredReturnType = new(
        "MCPGEN015",
        "Declared method has the wrong return type",
        "'{0}' returns '{1}', but a method for tool '{2}' must return one of: {3}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor FilterMatchesNothing = new(
        "MCPGEN016",
        "Tool filter matches nothing",
        "The {0} pattern '{1}' matches no tool, prompt or resource of the snapshot '{2}'",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GenericInterface = new(
        "MCPGEN017",
        "MCP client interface must not be generic",
        "The interface '{0}' has type parameters; MCP client interfaces cannot be generic",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DeclaredResultWithoutJsonContext = new(
        "MCPGEN018",
        "Declared result type needs a JsonContext",
        "'{0}' returns '{1}', which is read with System.Text.Json source generation: add JsonContext = typeof(YourJsonContext) to [McpClient] on '{2}', and declare '[JsonSerializable(typeof({3}))] partial class YourJsonContext : JsonSerializerContext;'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DeclaredResultNotInJsonContext = new(
        "MCPGEN019",
        "Declared result type is not in the JsonContext",
        "'{0}' returns '{1}', but the JsonContext '{2}' does not list '{3}': add [JsonSerializable(typeof({3}))] to the class '{2}'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor JsonContextNotSerializerContext = new(
        "MCPGEN020",
        "JsonContext is not a JsonSerializerContext",
        "The JsonContext '{0}' is not a System.Text.Json JsonSerializerContext: declare it as 'partial class {0} : JsonSerializerContext', with a [JsonSerializable(typeof(...))] for each declared result type",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor JsonContextWithoutDefault = new(
        "MCPGEN021",
        "JsonContext has no static Default",
        "The JsonContext '{0}' gives the generated client no static 'Default' property to read results through: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidOverlay = new(
        "MCPGEN024",
        "Snapshot overlay is invalid",
        "The overlay '{0}' cannot be used as written: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OverlayToolNotFound = new(
        "MCPGEN025",
        "Overlay names a tool the snapshot does not have",
        "The overlay '{0}' refines the tool '{1}', which the snapshot '{2}' does not have, so the entry is ignored; rename or remove it",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OverlayPropertyNotFound = new(
        "MCPGEN026",
        "Overlay names a property the tool does not have",
        "The overlay '{0}' refines the property '{1}' of tool '{2}', which has no such property, so the refinement is ignored; its properties are: {3}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OverlayConflict = new(
        "MCPGEN027",
        "Overlay contradicts the snapshot",
        "The overlay '{0}' contradicts the snapshot for the property '{1}' of tool '{2}': {3}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OverlayOutputSchemaIgnored = new(
        "MCPGEN028",
        "Overlay output schema is ignored",
        "The tool '{1}' publishes its own outputSchema, which wins over the one in the overlay '{0}'; remove it from the overlay",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OverlayWithoutSnapshot = new(
        "MCPGEN029",
        "Overlay has no snapshot",
        "The overlay '{0}' refines no snapshot: '{1}' is not among the AdditionalFiles, so the overlay is ignored",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidPromptSkipped = new(
        "MCPGEN034",
        "Invalid prompt skipped",
        "A prompt of the snapshot '{0}' is skipped, so the client has no method for it: {1}; fix the snapshot",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidResourceSkipped = new(
        "MCPGEN035",
        "Invalid resource skipped",
        "A resource of the snapshot '{0}' is skipped, so the client has no method for it: {1}; fix the snapshot",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedUriTemplate = new(
        "MCPGEN036",
        "Unsupported URI template skipped",
        "The resource template '{1}' of the snapshot '{0}' is skipped, so the client has no method for it: {2}; only RFC 6570 levels 1 to 3 are supported",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor AIToolsClassNameTaken = new(
        "MCPGEN037",
        "AsAITools not generated: its class name is taken",
        "The namespace already has a type named '{0}', so the class with the AsAITools extension of '{1}' is not generated; rename that type to get it",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidToolSkipped = new(
        "MCPGEN030",
        "Invalid tool skipped",
        "The tool '{0}' of the snapshot '{1}' is skipped, so the client has no method for it: {2}; fix the snapshot, or leave the tool out with Exclude",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DeclaredToolInvalid = new(
        "MCPGEN031",
        "Declared method needs an invalid tool",
        "[McpTool(\"{0}\")] needs the tool '{0}', which the snapshot '{1}' describes in a way no method can be made from: {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnnamedToolSkipped = new(
        "MCPGEN032",
        "Tool without a name skipped",
        "An entry of the tools of the snapshot '{0}' is skipped: {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SnapshotNamedByFile = new(
        "MCPGEN033",
        "Snapshot named by its file",
        "[McpClient(\"{0}\")] names a file; the snapshot in it is named '{1}', which is what [McpClient] takes: write [McpClient(\"{1}\")]",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    private static readonly Dictionary<string, DiagnosticDescriptor> All = new[]
    {
        SnapshotNotFound, InvalidSnapshotJson, InterfaceNotPartial, InvalidSnapshotStructure, UnsupportedSchema,
        InvalidSnapshotName, AmbiguousSnapshot, NestedInterface, NameCollision, UnresolvedReference,
        DeclaredToolNotFound, DeclaredParameterMismatch, DeclaredParameterType, MissingRequiredParameter,
        DeclaredReturnType, FilterMatchesNothing, GenericInterface, DeclaredResultWithoutJsonContext,
        DeclaredResultNotInJsonContext, JsonContextNotSerializerContext, JsonContextWithoutDefault,
        InvalidOverlay, OverlayToolNotFound, OverlayPropertyNotFound, OverlayConflict, OverlayOutputSchemaIgnored, OverlayWithoutSnapshot,
        InvalidToolSkipped, DeclaredToolInvalid, UnnamedToolSkipped, SnapshotNamedByFile, InvalidPromptSkipped, InvalidResourceSkipped, UnsupportedUriTemplate,
        AIToolsClassNameTaken,
    }.ToDictionary(descriptor => descriptor.Id);

    public static DiagnosticDescriptor ById(string id) => All[id];
}
