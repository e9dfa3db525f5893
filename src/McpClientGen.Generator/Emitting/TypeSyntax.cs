using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Emitting;

/// <summary>How generated code spells types: the framework's and the runtime's, and mapped types fully qualified.</summary>
internal static class TypeSyntax
{
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string Progress = "global::System.IProgress<global::ModelContextProtocol.ProgressNotificationValue>";
    public const string CallToolResult = "global::ModelContextProtocol.Protocol.CallToolResult";
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string JsonValueKind = "global::System.Text.Json.JsonValueKind";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    public const string ToolArguments = "global::McpClientGen.Serialization.ToolArguments";
    public const string ToolResultReader = "global::McpClientGen.Serialization.ToolResultReader";
    public const string ArgumentNullException = "global::System.ArgumentNullException";
    public const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCode(\"McpClientGen\", \"" + GeneratorVersion.Value + "\")";

    /// <summary>The fully qualified type; <paramref name="generatedTypePrefix"/> qualifies generated records and enums.</summary>
    public static string Of(TypeRef type, string generatedTypePrefix) => TypeNames.Qualified(type, generatedTypePrefix);

    /// <summary>The type of a record property: optional or null-allowing values are nullable.</summary>
    public static string Of(PropertySpec property, string generatedTypePrefix) =>
        Of(property.Type.WithNullable(property.IsNullableInCSharp), generatedTypePrefix);

    /// <summary>The type of a method parameter.</summary>
    public static string Of(ParameterBinding parameter, string generatedTypePrefix) =>
        Of(parameter.Property.Type.WithNullable(parameter.IsNullable), generatedTypePrefix);

    /// <summary>The result type of a tool method, without the <c>Task</c>; <see langword="null"/> for none.</summary>
    public static string? ResultOf(ToolMethodSpec method, string generatedTypePrefix) => method.Return switch
    {
        ToolReturn.Typed => Of(method.Tool.Result!, generatedTypePrefix),
        ToolReturn.CallToolResult => CallToolResult,
        ToolReturn.Declared or ToolReturn.Json or ToolReturn.Text => method.DeclaredReturn!.Type,
        _ => null,
    };

    public static string TaskOf(ToolMethodSpec method, string generatedTypePrefix) =>
        ResultOf(method, generatedTypePrefix) is { } result ? $"{Task}<{result}>" : Task;
}
