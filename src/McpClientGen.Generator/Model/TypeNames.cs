namespace McpClientGen.Generator.Model;

/// <summary>
/// How C# spells a mapped type: fully qualified in generated code, or simply, as a user writes it next to the
/// interface (which binding compares declared members with, and diagnostics show).
/// </summary>
internal static class TypeNames
{
    /// <summary>The fully qualified type; <paramref name="generatedTypePrefix"/> qualifies generated records and enums.</summary>
    public static string Qualified(TypeRef type, string generatedTypePrefix) => Spell(type, generatedTypePrefix, qualified: true);

    /// <summary>The type as a user would write it next to the interface: <c>IReadOnlyList&lt;Address&gt;</c>.</summary>
    public static string Simple(TypeRef type) => Spell(type, "", qualified: false);

    private static string Spell(TypeRef type, string prefix, bool qualified)
    {
        var name = type.Kind switch
        {
            TypeKind.String => "string",
            TypeKind.Int64 => "long",
            TypeKind.Int32 => "int",
            TypeKind.Double => "double",
            TypeKind.Decimal => "decimal",
            TypeKind.Single => "float",
            TypeKind.Boolean => "bool",
            TypeKind.DateTimeOffset => System("DateTimeOffset", qualified),
            TypeKind.DateOnly => System("DateOnly", qualified),
            TypeKind.Guid => System("Guid", qualified),
            TypeKind.Uri => System("Uri", qualified),
            TypeKind.Json => qualified ? "global::System.Text.Json.JsonElement" : "JsonElement",
            TypeKind.List => Generic("IReadOnlyList<", qualified) + Spell(type.Element!, prefix, qualified) + ">",
            TypeKind.Map => Generic("IReadOnlyDictionary<", qualified) + "string, " + Spell(type.Element!, prefix, qualified) + ">",
            _ => prefix + type.Name,
        };
        return type.IsNullable ? name + "?" : name;
    }

    private static string System(string name, bool qualified) => qualified ? "global::System." + name : name;

    private static string Generic(string name, bool qualified) => qualified ? "global::System.Collections.Generic." + name : name;
}
