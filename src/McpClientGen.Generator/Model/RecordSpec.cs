namespace McpClientGen.Generator.Model;

/// <summary>A sealed record generated for an object schema.</summary>
internal sealed record RecordSpec(string Name, string? Description, EquatableArray<PropertySpec> Properties);
