namespace McpClientGen.Cli.Sampling;

/// <summary>The JSON Schema types a value was seen with; a schema inferred from several samples may have several.</summary>
[Flags]
internal enum JsonTypes
{
    /// <summary>No value seen yet.</summary>
    None = 0,

    /// <summary>A string.</summary>
    String = 1 << 0,

    /// <summary>A number written without fraction or exponent, which every reader of whole numbers accepts.</summary>
    Integer = 1 << 1,

    /// <summary>Any number; it includes <see cref="Integer"/>.</summary>
    Number = 1 << 2,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean = 1 << 3,

    /// <summary>An object.</summary>
    Object = 1 << 4,

    /// <summary>An array.</summary>
    Array = 1 << 5,

    /// <summary><c>null</c>: the value is nullable.</summary>
    Null = 1 << 6,

    /// <summary>
    /// Any value: an existing schema that names no type and implies none (<c>{}</c>), or one that inference cannot
    /// check (<c>$ref</c>, <c>anyOf</c>, ...). It is never narrowed to what samples show; it stays as written.
    /// </summary>
    Any = 1 << 7,
}
