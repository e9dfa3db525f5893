namespace McpClientGen.Generator.Model;

/// <summary>A property of a schema object: a tool parameter or a member of a generated record.</summary>
/// <param name="WireName">The JSON name, kept exactly.</param>
/// <param name="Identifier">The PascalCase C# name (parameters use its camelCase form).</param>
/// <param name="Type">The C# type; <see cref="TypeRef.IsNullable"/> when the schema allows <c>null</c>.</param>
/// <param name="IsRequired">Whether the schema lists it in <c>required</c>.</param>
/// <param name="Description">The schema's <c>description</c> (or <c>title</c>), for XML docs.</param>
/// <param name="DefaultJson">
/// The schema's <c>default</c> as JSON text, for XML docs; without a <c>default</c>, the value of its <c>const</c>.
/// </param>
/// <param name="SendsDefaultWhenNull">
/// Whether this is a tool argument that is required but has a <c>default</c>: optional in C#, and when left
/// <c>null</c> the default is sent, because strict servers still insist on receiving a required property.
/// </param>
/// <param name="IsConstant">
/// Whether <see cref="DefaultJson"/> is the schema's <c>const</c>: the only value it allows. It is documented only;
/// a required const stays a required parameter in its place.
/// </param>
internal sealed record PropertySpec(
    string WireName,
    string Identifier,
    TypeRef Type,
    bool IsRequired,
    string? Description,
    string? DefaultJson = null,
    bool SendsDefaultWhenNull = false,
    bool IsConstant = false)
{
    /// <summary>Whether C# callers may leave it out: the schema does not require it, or gives a default to send.</summary>
    public bool IsOptionalInCSharp => !IsRequired || SendsDefaultWhenNull;

    /// <summary>Whether the C# member is nullable: optional, or allowed to be <c>null</c>.</summary>
    public bool IsNullableInCSharp => IsOptionalInCSharp || Type.IsNullable;

    /// <summary>The camelCase parameter name, keyword-escaped.</summary>
    public string ParameterName => Common.Naming.ToCamelCase(Identifier);
}
