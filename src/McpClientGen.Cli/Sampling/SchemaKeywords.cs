namespace McpClientGen.Cli.Sampling;

/// <summary>The JSON Schema keywords inference makes, and the names of its types, in the order they are written.</summary>
internal static class SchemaKeywords
{
    public const string Type = "type";
    public const string Format = "format";
    public const string Items = "items";
    public const string Properties = "properties";
    public const string Required = "required";

    /// <summary>Every type with its name; nullable last, so that <c>["string", "null"]</c> reads as "a string or null".</summary>
    public static readonly IReadOnlyList<(JsonTypes Type, string Name)> TypeNames =
    [
        (JsonTypes.Object, "object"),
        (JsonTypes.Array, "array"),
        (JsonTypes.String, "string"),
        (JsonTypes.Integer, "integer"),
        (JsonTypes.Number, "number"),
        (JsonTypes.Boolean, "boolean"),
        (JsonTypes.Null, "null"),
    ];

    /// <summary>Whether inference owns the keyword: it is rewritten from the merged samples, never kept as it was.</summary>
    public static bool IsInferred(string keyword) => keyword is Type or Format or Items or Properties or Required;
}
