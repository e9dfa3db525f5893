namespace McpClientGen.Generator.Model;

/// <summary>
/// A method the user declared with <c>[McpTool("name")]</c>. Types are kept as simple display names
/// (<c>IReadOnlyList&lt;Address&gt;</c>) because generated types do not exist yet when the interface is read.
/// </summary>
/// <param name="WireName">The <c>[McpTool]</c> argument.</param>
/// <param name="WireNameLocation">Where that argument is.</param>
/// <param name="MethodName">The method's name.</param>
/// <param name="MethodLocation">The method's identifier.</param>
/// <param name="Parameters">The parameters, in order.</param>
/// <param name="ReturnType">The declared return type's display name.</param>
/// <param name="ReturnTypeLocation">Where the return type is written.</param>
internal sealed record DeclaredToolSpec(
    string WireName,
    LocationInfo? WireNameLocation,
    string MethodName,
    LocationInfo? MethodLocation,
    EquatableArray<DeclaredParameterSpec> Parameters,
    string ReturnType,
    LocationInfo? ReturnTypeLocation);

/// <summary>A parameter of a declared tool method.</summary>
/// <param name="Name">The parameter's name, as C# sees it (without <c>@</c>).</param>
/// <param name="Type">The type's display name without a top-level <c>?</c>.</param>
/// <param name="IsNullable">Whether the declared type has a top-level <c>?</c>.</param>
/// <param name="DefaultValue">The default value as C# source, or <see langword="null"/> when there is none.</param>
/// <param name="Location">Where the parameter is declared.</param>
/// <param name="TypeLocation">Where its type is written.</param>
internal sealed record DeclaredParameterSpec(
    string Name,
    string Type,
    bool IsNullable,
    string? DefaultValue,
    LocationInfo? Location,
    LocationInfo? TypeLocation);

/// <summary>An <c>Include</c> or <c>Exclude</c> pattern of <c>[McpClient]</c>: a tool name, <c>*</c> matching any run of characters.</summary>
internal sealed record ToolFilterSpec(string Pattern, LocationInfo? Location);
