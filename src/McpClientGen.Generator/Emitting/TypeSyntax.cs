using McpClientGen.Generator.Model;

namespace McpClientGen.Generator.Emitting;

/// <summary>C# spellings of mapped types: fully qualified in generated code, simple for messages and comparisons.</summary>
internal static class TypeSyntax
{
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string CallToolResult = "global::ModelContextProtocol.Protocol.CallToolResult";
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string JsonValueKind = "global::System.Text.Json.JsonValueKind";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    public const string ToolArguments = "global::McpClientGen.Serialization.ToolArguments";
    public const string ToolResultReader = "global::McpClientGen.Serialization.ToolResultReader";
    public const string ArgumentNullException = "global::System.ArgumentNullException";
    public const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCode(\"McpClientGen\", \"" + ThisAssembly.Version + "\")";

    /// <summary>The fully qualified type; <paramref name="generatedTypePrefix"/> qualifies generated records and enums.</summary>
    public static string Of(TypeRef type, string generatedTypePrefix) => Spell(type, generatedTypePrefix, qualified: true);

    /// <summary>The type as a user would write it next to the interface: <c>IReadOnlyList&lt;Address&gt;</c>.</summary>
    public static string Simple(TypeRef type) => Spell(type, "", qualified: false);

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
        _ => null,
    };

    public static string TaskOf(ToolMethodSpec method, string generatedTypePrefix) =>
        ResultOf(method, generatedTypePrefix) is { } result ? $"{Task}<{result}>" : Task;

    private static string Spell(TypeRef type, string prefix, bool qualified)
    {
        var name = type.Kind switch
        {
            TypeKind.String => "string",
            TypeKind.Int64 => "long",
            TypeKind.Int32 => "int",
            TypeKind.Double => "double",
            TypeKind.Boolean => "bool",
            TypeKind.DateTimeOffset => System("DateTimeOffset", qualified),
            TypeKind.DateOnly => System("DateOnly", qualified),
            TypeKind.Guid => System("Guid", qualified),
            TypeKind.Uri => System("Uri", qualified),
            TypeKind.Json => qualified ? JsonElement : "JsonElement",
            TypeKind.List => Generic("IReadOnlyList<", qualified) + Spell(type.Element!, prefix, qualified) + ">",
            TypeKind.Map => Generic("IReadOnlyDictionary<", qualified) + "string, " + Spell(type.Element!, prefix, qualified) + ">",
            _ => prefix + type.Name,
        };
        return type.IsNullable ? name + "?" : name;
    }

    private static string System(string name, bool qualified) => qualified ? "global::System." + name : name;

    private static string Generic(string name, bool qualified) => qualified ? "global::System.Collections.Generic." + name : name;
}
