namespace McpClientGen.Generator.Model;

/// <summary>One prompt of a snapshot, mapped to the method that gets it (<c>prompts/get</c>).</summary>
/// <param name="WireName">The prompt's name on the wire.</param>
/// <param name="MethodName">The C# method name, <c>Get…PromptAsync</c>.</param>
/// <param name="Title">The prompt's <c>title</c>.</param>
/// <param name="Description">The prompt's <c>description</c>.</param>
/// <param name="Arguments">The prompt's arguments, required ones first, otherwise in the server's order.</param>
internal sealed record PromptSpec(
    string WireName,
    string MethodName,
    string? Title,
    string? Description,
    EquatableArray<PromptArgumentSpec> Arguments);

/// <summary>An argument of a prompt: a <c>string</c> parameter of its method.</summary>
/// <param name="WireName">The argument's name on the wire.</param>
/// <param name="ParameterName">The camelCase parameter name, keyword-escaped.</param>
/// <param name="Description">The argument's <c>description</c> (or <c>title</c>), for XML docs.</param>
/// <param name="IsRequired">Whether the prompt marks it <c>required</c>; optional ones default to <see langword="null"/> and are not sent.</param>
internal sealed record PromptArgumentSpec(string WireName, string ParameterName, string? Description, bool IsRequired);
