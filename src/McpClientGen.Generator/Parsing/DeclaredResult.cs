using McpClientGen.Generator.Diagnostics;

namespace McpClientGen.Generator.Parsing;

/// <summary>What a declared method's <c>Task&lt;T&gt;</c> holds, when <c>T</c> is a type that exists before generation.</summary>
internal enum DeclaredResultKind
{
    /// <summary><c>JsonElement</c>: the result's JSON as it is.</summary>
    Json,

    /// <summary><c>string</c>: the result's text.</summary>
    Text,

    /// <summary>A type of the user's own, read through the <c>[McpClient(JsonContext = ...)]</c> context.</summary>
    UserType,

    /// <summary>A type of the user's own whose context is unusable; the context's own diagnostic says why.</summary>
    Unreadable,
}

/// <summary>
/// The result type of a declared <c>[McpTool]</c> method that the generator does not generate itself. Types the
/// generator emits (the tool's result record) do not exist when the interface is read, so they never appear here.
/// </summary>
/// <param name="Kind">How the result is read.</param>
/// <param name="Type">The type as the generated code spells it, fully qualified, nullable annotations kept.</param>
/// <param name="JsonContext">For <see cref="DeclaredResultKind.UserType"/>: the context class, fully qualified.</param>
/// <param name="Problem">Why the type cannot be read (no context, or the context does not list it).</param>
internal sealed record DeclaredResult(DeclaredResultKind Kind, string Type, string? JsonContext, DiagnosticInfo? Problem);
