namespace McpClientGen.Generator.Model;

/// <summary>
/// One static resource or resource template of a snapshot, mapped to the method that reads it (<c>resources/read</c>).
/// A static resource has no variables; a template's variables are its method's parameters.
/// </summary>
/// <param name="Uri">The resource's <c>uri</c>, or the template's <c>uriTemplate</c>.</param>
/// <param name="IsTemplate">Whether <paramref name="Uri"/> is a URI template, expanded at run time.</param>
/// <param name="WireName">The entry's <c>name</c>.</param>
/// <param name="MethodName">The C# method name, <c>Read…ResourceAsync</c>.</param>
/// <param name="Title">The entry's <c>title</c>.</param>
/// <param name="Description">The entry's <c>description</c>.</param>
/// <param name="MimeType">The entry's <c>mimeType</c>.</param>
/// <param name="Variables">A template's variables: the required ones, then the optional ones, each in the order they first appear in it.</param>
internal sealed record ResourceSpec(
    string Uri,
    bool IsTemplate,
    string WireName,
    string MethodName,
    string? Title,
    string? Description,
    string? MimeType,
    EquatableArray<UriVariableSpec> Variables);

/// <summary>
/// A variable of a URI template: one parameter of its method however often the template names it. A variable only
/// the operators <c>? &amp; ; #</c> name is optional (<c>string? name = null</c>), as RFC 6570 skips an undefined
/// one there; the others are required <c>string</c> parameters.
/// </summary>
/// <param name="WireName">The variable's name in the template.</param>
/// <param name="ParameterName">The camelCase parameter name, keyword-escaped.</param>
/// <param name="IsOptional">Whether every place that names the variable is under <c>?</c>, <c>&amp;</c>, <c>;</c> or <c>#</c>.</param>
/// <param name="Encoding">Whether its value keeps reserved characters (<c>{+var}</c>, <c>{#var}</c>), is fully encoded, or both at different places.</param>
internal sealed record UriVariableSpec(string WireName, string ParameterName, bool IsOptional, UriVariableEncoding Encoding);

/// <summary>How a variable's value is encoded at the places its template names it.</summary>
internal enum UriVariableEncoding
{
    /// <summary>Everything but the unreserved characters is percent-encoded.</summary>
    Unreserved,

    /// <summary>Reserved characters and existing <c>%XX</c> escapes are kept (<c>{+var}</c>, <c>{#var}</c>).</summary>
    Reserved,

    /// <summary>Kept at some places, encoded at others.</summary>
    Both,
}
