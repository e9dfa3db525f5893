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
/// <param name="Variables">A template's variables in the order they first appear in it.</param>
internal sealed record ResourceSpec(
    string Uri,
    bool IsTemplate,
    string WireName,
    string MethodName,
    string? Title,
    string? Description,
    string? MimeType,
    EquatableArray<UriVariableSpec> Variables);

/// <summary>A variable of a URI template: a required <c>string</c> parameter of its method.</summary>
/// <param name="WireName">The variable's name in the template.</param>
/// <param name="ParameterName">The camelCase parameter name, keyword-escaped.</param>
/// <param name="Operator">The operator of the expression it is in (<c>+</c>, <c>#</c>, …), empty for none: it decides the encoding.</param>
internal sealed record UriVariableSpec(string WireName, string ParameterName, string Operator);
