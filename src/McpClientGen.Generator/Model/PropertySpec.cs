namespace McpClientGen.Generator.Model;

/// <summary>A property of a schema object: a tool parameter or a member of a generated record.</summary>
/// <param name="WireName">The JSON name, kept exactly.</param>
/// <param name="Identifier">The PascalCase C# name (parameters use its camelCase form).</param>
/// <param name="Type">The C# type.</param>
/// <param name="IsRequired">Whether the schema lists it in <c>required</c>.</param>
/// <param name="Description">The schema's <c>description</c>, for XML docs.</param>
internal sealed record PropertySpec(string WireName, string Identifier, TypeRef Type, bool IsRequired, string? Description);
