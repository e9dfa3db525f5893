using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol.Protocol;

namespace McpClientGen;

/// <summary>
/// Reads a result into the type a <c>[McpTool]</c> method declares, for tools that publish no output schema: a type
/// of the user's own through their System.Text.Json source-generated context, a <see cref="JsonElement"/>, or the text.
/// </summary>
internal static class DeclaredResultReader
{
    /// <summary>Deserializes the result's JSON (see <see cref="ToolResultJson.TryFind"/>) through <paramref name="jsonContext"/>.</summary>
    /// <exception cref="McpToolResultException">The result has no JSON, or the JSON does not fit <typeparamref name="T"/>.</exception>
    public static T Read<T>(CallToolResult result, string toolName, JsonSerializerContext jsonContext)
    {
        // Metadata, not reflection: the context answers for the types its [JsonSerializable] attributes name.
        if (jsonContext.GetTypeInfo(typeof(T)) is not JsonTypeInfo<T> typeInfo)
        {
            throw new InvalidOperationException(
                $"The JsonSerializerContext '{jsonContext.GetType().Name}' has no metadata for '{DisplayName(typeof(T))}': add [JsonSerializable(typeof({DisplayName(typeof(T))}))] to it.");
        }

        var json = Find(result, toolName, typeof(T), out var source);
        T? value;
        try
        {
            value = json.Deserialize(typeInfo);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            // NotSupportedException: the serializer cannot make the type at all (abstract, or polymorphic JSON without a
            // discriminator it knows), which is as much this result not fitting the declared type.
            throw McpToolResultException.ForDeclaredType(toolName, DisplayName(typeof(T)), $"the JSON in {source} does not fit: {ToolResultJson.OneLine(exception.Message)}", exception);
        }

        return value ?? throw McpToolResultException.ForDeclaredType(toolName, DisplayName(typeof(T)), $"the JSON in {source} is null.", null);
    }

    /// <summary>The result's JSON value as it is: <c>structuredContent</c>, else the parsed text.</summary>
    /// <exception cref="McpToolResultException">The result has neither.</exception>
    public static JsonElement ReadJson(CallToolResult result, string toolName) =>
        Find(result, toolName, typeof(JsonElement), out _);

    /// <summary>
    /// The text blocks joined with <c>\n</c>; for a server that sends only <c>structuredContent</c>, its JSON text.
    /// </summary>
    /// <exception cref="McpToolResultException">The result has neither.</exception>
    public static string ReadText(CallToolResult result, string toolName)
    {
        var texts = ToolResultJson.TextBlocks(result);
        if (texts.Count > 0)
        {
            return string.Join("\n", texts);
        }

        return result.StructuredContent is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } structured
            ? structured.GetRawText()
            : throw McpToolResultException.ForDeclaredType(toolName, "string", "it has no text content and no structuredContent.", null);
    }

    // The type's name is only spelled out for an error: a call that reads its result builds no message text.
    private static JsonElement Find(CallToolResult result, string toolName, Type type, out string source) =>
        ToolResultJson.TryFind(result, static _ => true, out var json, out source)
            ? json
            : throw McpToolResultException.ForDeclaredType(toolName, DisplayName(type), ToolResultJson.DescribeMissing(result), null);

    /// <summary>A type as C# writes it, <c>List&lt;Issue&gt;</c> rather than <c>List`1</c>.</summary>
    private static string DisplayName(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return DisplayName(underlying) + "?";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return (tick < 0 ? name : name[..tick]) + "<" + string.Join(", ", type.GetGenericArguments().Select(DisplayName)) + ">";
    }
}
