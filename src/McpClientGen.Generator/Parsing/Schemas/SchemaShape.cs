using McpClientGen.Generator.Parsing.Json;

namespace McpClientGen.Generator.Parsing.Schemas;

/// <summary>What a JSON Schema describes, as far as choosing a C# type goes.</summary>
internal enum SchemaKind
{
    /// <summary>Not a schema object: <c>true</c>, or another JSON value.</summary>
    NotASchema,

    /// <summary>A <c>$ref</c> to another schema.</summary>
    Reference,

    /// <summary><c>anyOf</c>/<c>oneOf</c> with one alternative besides <c>null</c>: that alternative.</summary>
    Alternative,

    /// <summary><c>anyOf</c>/<c>oneOf</c> choosing between several shapes.</summary>
    Union,

    /// <summary>A string <c>enum</c>.</summary>
    Enum,

    /// <summary><c>allOf</c> with one part and nothing of its own: that part.</summary>
    Alias,

    /// <summary>An object with declared properties, or an <c>allOf</c> of such objects.</summary>
    Record,

    /// <summary>An <c>allOf</c> with a part that is not an object with properties.</summary>
    Intersection,

    /// <summary>An object with only an <c>additionalProperties</c> schema.</summary>
    Map,

    /// <summary>An array.</summary>
    List,

    /// <summary>An array whose positions (<c>prefixItems</c>) have different schemas.</summary>
    Tuple,

    /// <summary>A <c>$dynamicRef</c>, which names a schema only while a value is validated.</summary>
    DynamicReference,

    /// <summary>A <c>const</c> that is <c>null</c>, an object or an array.</summary>
    Constant,

    String,
    Integer,
    Number,
    Boolean,

    /// <summary>A <c>type</c> list with more than one type besides <c>null</c>.</summary>
    SeveralTypes,

    /// <summary>A <c>type</c> JSON Schema does not define.</summary>
    UnknownType,

    /// <summary>No type, declared or implied: any value.</summary>
    Untyped,

    /// <summary>An object without properties or an <c>additionalProperties</c> schema: any members.</summary>
    FreeObject,
}

/// <summary>
/// The shape of one schema: its kind, whether it allows <c>null</c>, the schema a wrapper kind stands for, and —
/// when C# has no counterpart — why, which then becomes the info diagnostic.
/// </summary>
/// <param name="Kind">What the schema describes.</param>
/// <param name="IsNullable">Whether the schema allows <c>null</c> besides its shape.</param>
/// <param name="Inner">
/// The alternative, <c>allOf</c> part, enum values, list items or map values the kind is about; otherwise <see langword="null"/>.
/// </param>
/// <param name="Unsupported">Why the value must stay JSON; <see langword="null"/> when it maps to a C# type.</param>
internal sealed record SchemaShape(SchemaKind Kind, bool IsNullable, JsonNode? Inner = null, string? Unsupported = null)
{
    /// <summary>
    /// Whether the schema may describe an object, so that a tool's <c>outputSchema</c> of this shape can give a typed
    /// result. Other shapes, and objects that declare nothing, give the raw result without a diagnostic.
    /// </summary>
    public bool MayBeObject => Kind is SchemaKind.Reference or SchemaKind.Alternative or SchemaKind.Union or SchemaKind.Alias
        or SchemaKind.Record or SchemaKind.Intersection or SchemaKind.Map;
}
