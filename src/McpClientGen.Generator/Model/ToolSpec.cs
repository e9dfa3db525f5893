namespace McpClientGen.Generator.Model;

/// <summary>One tool of a snapshot, mapped to the methods that call it.</summary>
/// <param name="WireName">The tool's name on the wire.</param>
/// <param name="MethodName">The preferred C# method name, ending in <c>Async</c>.</param>
/// <param name="Title">The tool's <c>title</c>.</param>
/// <param name="Description">The tool's <c>description</c>.</param>
/// <param name="Parameters">The input schema's properties, required ones first.</param>
/// <param name="ArgumentsRecord">The record bundling the parameters; <see langword="null"/> when there are none.</param>
/// <param name="Result">The typed result for an object <c>outputSchema</c>; <see langword="null"/> for <c>CallToolResult</c>.</param>
/// <param name="Annotations">The behaviour hints the server declared.</param>
/// <param name="TakesArgumentsObject">
/// Whether the arguments are not a fixed set of properties (a union or a free-form map), so the method takes
/// them as one JSON object.
/// </param>
/// <param name="InputSchemaJson">The input schema (with the overlay merged in), minified: what agents are shown.</param>
/// <param name="HasHeaderParameters">Whether the input schema has <c>x-mcp-header</c> annotations.</param>
internal sealed record ToolSpec(
    string WireName,
    string MethodName,
    string? Title,
    string? Description,
    EquatableArray<PropertySpec> Parameters,
    string? ArgumentsRecord,
    TypeRef? Result,
    ToolAnnotationsSpec Annotations,
    bool TakesArgumentsObject,
    string InputSchemaJson,
    bool HasHeaderParameters)
{
    /// <summary>
    /// The input schema when it has <c>x-mcp-header</c> annotations: the SDK needs it to send <c>Mcp-Param-*</c>
    /// headers. <see langword="null"/> otherwise, to keep the client class small.
    /// </summary>
    public string? HeaderSchemaJson => HasHeaderParameters ? InputSchemaJson : null;
}

/// <summary>The MCP tool annotations (all hints; <see langword="null"/> when not declared).</summary>
internal sealed record ToolAnnotationsSpec(bool? ReadOnly, bool? Destructive, bool? Idempotent, bool? OpenWorld)
{
    public static readonly ToolAnnotationsSpec None = new(null, null, null, null);
}
