namespace McpClientGen.Generator.Model;

/// <summary>A C# enum generated for a string <c>enum</c> schema.</summary>
internal sealed record EnumSpec(string Name, string? Description, EquatableArray<EnumMemberSpec> Members);

/// <summary>One enum member and the exact string it stands for on the wire.</summary>
internal sealed record EnumMemberSpec(string Identifier, string WireValue);
