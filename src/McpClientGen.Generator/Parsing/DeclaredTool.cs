using McpClientGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace McpClientGen.Generator.Parsing;

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
/// <param name="ExplicitSignature">
/// The method as an explicit implementation spells it, fully qualified; see <see cref="Parsing.ExplicitSignature"/>.
/// </param>
/// <param name="Result">The <c>T</c> of a returned <c>Task&lt;T&gt;</c> that exists before generation, if any.</param>
internal sealed record DeclaredTool(
    string WireName,
    Location? WireNameLocation,
    string MethodName,
    Location? MethodLocation,
    EquatableArray<DeclaredParameter> Parameters,
    string ReturnType,
    Location? ReturnTypeLocation,
    string ExplicitSignature,
    DeclaredResult? Result);

/// <summary>A parameter of a declared tool method.</summary>
/// <param name="Name">The parameter's name, as C# sees it (without <c>@</c>).</param>
/// <param name="Type">The type's display name without a top-level <c>?</c>.</param>
/// <param name="IsNullable">Whether the declared type has a top-level <c>?</c>.</param>
/// <param name="DefaultValue">The default value as C# source, or <see langword="null"/> when there is none.</param>
/// <param name="Location">Where the parameter is declared.</param>
/// <param name="TypeLocation">Where its type is written.</param>
/// <param name="Role">Whether it is a tool argument, the cancellation token or the progress receiver.</param>
/// <param name="FullType">The type with namespaces, as compiler messages spell it, to tell apart types of one name.</param>
internal sealed record DeclaredParameter(
    string Name,
    string Type,
    bool IsNullable,
    string? DefaultValue,
    Location? Location,
    Location? TypeLocation,
    ParameterRole Role,
    string FullType);
