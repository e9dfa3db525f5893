namespace McpClientGen.Generator.Model;

/// <summary>The C# shape a JSON Schema maps to.</summary>
internal enum TypeKind
{
    String,
    Int64,
    Int32,
    Double,

    /// <summary><c>decimal</c>: only a declared parameter for a JSON <c>number</c> has it; the schema never maps to it.</summary>
    Decimal,

    /// <summary><c>float</c>: only a declared parameter for a JSON <c>number</c> has it; the schema never maps to it.</summary>
    Single,
    Boolean,
    DateTimeOffset,
    DateOnly,
    Guid,
    Uri,

    /// <summary>A generated enum; <see cref="TypeRef.Name"/> names it.</summary>
    Enum,

    /// <summary>A generated record; <see cref="TypeRef.Name"/> names it.</summary>
    Record,

    /// <summary><c>IReadOnlyList&lt;Element&gt;</c>.</summary>
    List,

    /// <summary><c>IReadOnlyDictionary&lt;string, Element&gt;</c>.</summary>
    Map,

    /// <summary>Anything the generator does not map: passed through as raw JSON.</summary>
    Json,
}

/// <summary>
/// A reference to a C# type for a schema. Generated types are named; lists and maps carry their element type;
/// <see cref="IsNullable"/> says the schema itself allows <c>null</c>.
/// </summary>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Element = null, bool IsNullable = false)
{
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef Int64 = new(TypeKind.Int64);
    public static readonly TypeRef Int32 = new(TypeKind.Int32);
    public static readonly TypeRef Double = new(TypeKind.Double);
    public static readonly TypeRef Decimal = new(TypeKind.Decimal);
    public static readonly TypeRef Single = new(TypeKind.Single);
    public static readonly TypeRef Boolean = new(TypeKind.Boolean);
    public static readonly TypeRef DateTimeOffset = new(TypeKind.DateTimeOffset);
    public static readonly TypeRef DateOnly = new(TypeKind.DateOnly);
    public static readonly TypeRef Guid = new(TypeKind.Guid);
    public static readonly TypeRef Uri = new(TypeKind.Uri);
    public static readonly TypeRef Json = new(TypeKind.Json);

    public static TypeRef Record(string name) => new(TypeKind.Record, name);

    public static TypeRef Enum(string name) => new(TypeKind.Enum, name);

    public static TypeRef ListOf(TypeRef element) => new(TypeKind.List, Element: element);

    public static TypeRef MapOf(TypeRef value) => new(TypeKind.Map, Element: value);

    /// <summary>Whether the C# type is a struct, so that <c>T?</c> means <c>Nullable&lt;T&gt;</c>.</summary>
    public bool IsValueType => Kind is not (TypeKind.String or TypeKind.Uri or TypeKind.Record or TypeKind.List or TypeKind.Map);

    /// <summary>Whether values are read and written by a generated helper rather than a built-in call.</summary>
    public bool IsComposite => Kind is TypeKind.Enum or TypeKind.Record or TypeKind.List or TypeKind.Map;

    public TypeRef WithNullable(bool nullable) => IsNullable == nullable ? this : this with { IsNullable = nullable };

    /// <summary>This type, made nullable when <paramref name="nullable"/> is set; never made non-nullable.</summary>
    public TypeRef OrNull(bool nullable) => nullable ? WithNullable(true) : this;
}
