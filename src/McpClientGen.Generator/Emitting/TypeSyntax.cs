using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Emitting;

/// <summary>C# spellings of mapped types, fully qualified where they leave the interface.</summary>
internal static class TypeSyntax
{
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string CallToolResult = "global::ModelContextProtocol.Protocol.CallToolResult";
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    public const string ToolArguments = "global::McpClientGen.Serialization.ToolArguments";
    public const string ToolResultReader = "global::McpClientGen.Serialization.ToolResultReader";
    public const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCode(\"McpClientGen\", \"" + ThisAssembly.Version + "\")";

    /// <summary>The type's name; <paramref name="generatedTypePrefix"/> qualifies generated records and enums.</summary>
    public static string Of(TypeRef type, string generatedTypePrefix) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Int64 => "long",
        TypeKind.Int32 => "int",
        TypeKind.Double => "double",
        TypeKind.Boolean => "bool",
        TypeKind.Json => JsonElement,
        _ => generatedTypePrefix + type.Name,
    };

    /// <summary>The property or parameter type: optional values are nullable.</summary>
    public static string Of(PropertySpec property, string generatedTypePrefix) =>
        Of(property.Type, generatedTypePrefix) + (property.IsRequired ? "" : "?");

    public static string Result(ToolSpec tool, string generatedTypePrefix) =>
        $"{Task}<{(tool.Result is null ? CallToolResult : Of(tool.Result, generatedTypePrefix))}>";
}
