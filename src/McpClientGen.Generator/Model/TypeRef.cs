namespace McpClientGen.Generator.Model;

/// <summary>The C# shape a JSON Schema maps to.</summary>
internal enum TypeKind
{
    String,
    Int64,
    Int32,
    Double,
    Boolean,

    /// <summary>A generated enum; <see cref="TypeRef.Name"/> names it.</summary>
    Enum,

    /// <summary>A generated record; <see cref="TypeRef.Name"/> names it.</summary>
    Record,

    /// <summary>Anything the generator does not map: passed through as raw JSON.</summary>
    Json,
}

/// <summary>A reference to a C# type for a schema; generated types are named, built-in ones are not.</summary>
internal sealed record TypeRef(TypeKind Kind, string? Name = null)
{
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef Int64 = new(TypeKind.Int64);
    public static readonly TypeRef Int32 = new(TypeKind.Int32);
    public static readonly TypeRef Double = new(TypeKind.Double);
    public static readonly TypeRef Boolean = new(TypeKind.Boolean);
    public static readonly TypeRef Json = new(TypeKind.Json);
}
