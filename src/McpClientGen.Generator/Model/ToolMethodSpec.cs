namespace McpClientGen.Generator.Model;

/// <summary>What a tool method returns.</summary>
internal enum ToolReturn
{
    /// <summary>The generated result type, read from <c>structuredContent</c>.</summary>
    Typed,

    /// <summary>The SDK's <c>CallToolResult</c>, as the server sent it.</summary>
    CallToolResult,

    /// <summary>Nothing: a declared method returning <c>Task</c>.</summary>
    None,

    /// <summary>A type the user declared, read through their System.Text.Json context (see <see cref="DeclaredReturnSpec"/>).</summary>
    Declared,

    /// <summary>A <c>JsonElement</c>: <c>structuredContent</c>, else the parsed text.</summary>
    Json,

    /// <summary>A <c>string</c>: the text content.</summary>
    Text,
}

/// <summary>The result type of a method returning <see cref="ToolReturn.Declared"/>, <see cref="ToolReturn.Json"/> or <see cref="ToolReturn.Text"/>.</summary>
/// <param name="Type">The type as generated code spells it, fully qualified.</param>
/// <param name="JsonContext">For <see cref="ToolReturn.Declared"/>: the user's context class, fully qualified.</param>
internal sealed record DeclaredReturnSpec(string Type, string? JsonContext);

/// <summary>
/// One method of a client class that calls a tool: generated from the snapshot, or implementing a method the
/// user declared with <c>[McpTool]</c> (which may send a subset of the tool's properties).
/// </summary>
/// <param name="Tool">The tool it calls.</param>
/// <param name="Name">The method name.</param>
/// <param name="Parameters">The parameters, in order, each bound to the property it sends.</param>
/// <param name="Return">What it returns.</param>
/// <param name="CancellationTokenName">The cancellation token parameter, if the method has one.</param>
/// <param name="ProgressName">The <c>IProgress&lt;ProgressNotificationValue&gt;</c> parameter, if the method has one.</param>
/// <param name="IsDeclared">Whether the user declared it, so the interface half is not generated.</param>
/// <param name="DeclaredReturn">The declared result type, for the returns that are not generated types.</param>
internal sealed record ToolMethodSpec(
    ToolSpec Tool,
    string Name,
    EquatableArray<ParameterBinding> Parameters,
    ToolReturn Return,
    string? CancellationTokenName,
    string? ProgressName,
    bool IsDeclared,
    DeclaredReturnSpec? DeclaredReturn = null);

/// <summary>A method parameter and the tool property it is sent as.</summary>
/// <param name="Property">The property.</param>
/// <param name="Name">The parameter name as written in C# (keyword-escaped).</param>
/// <param name="IsNullable">Whether the parameter's type is nullable in C#.</param>
/// <param name="DefaultValue">The default value as C# source, or <see langword="null"/>.</param>
internal sealed record ParameterBinding(PropertySpec Property, string Name, bool IsNullable, string? DefaultValue);
