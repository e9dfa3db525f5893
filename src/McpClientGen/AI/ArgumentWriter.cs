using System.Text.Json;
using System.Text.Json.Nodes;
using McpClientGen.Serialization;

namespace McpClientGen;

/// <summary>
/// Writes an agent's arguments for a tool call without reflection: JSON (<see cref="JsonElement"/>,
/// <see cref="JsonNode"/>), strings, booleans and numbers as they are; any other value only through the resolver of
/// <see cref="McpAIToolsOptions.JsonSerializerOptions"/>, the app's, which is AOT-safe when it is source-generated.
/// </summary>
internal sealed class ArgumentWriter(string toolName, JsonSerializerOptions? serializerOptions)
{
    /// <exception cref="ArgumentException">A value is not JSON and no resolver the app gave knows its type.</exception>
    public ToolArguments Write(IEnumerable<KeyValuePair<string, object?>> arguments)
    {
        // Every value is checked before the writer holds anything, so a refused argument sends nothing.
        var writers = arguments
            .Select(argument => (argument.Key, Write: WriterFor(argument.Value) ?? throw Refused(argument.Key, argument.Value!, nameof(arguments))))
            .ToList();
        var toolArguments = new ToolArguments();
        foreach (var (name, write) in writers)
        {
            toolArguments.Writer.WritePropertyName(name);
            write(toolArguments.Writer);
        }

        return toolArguments;
    }

    private Action<Utf8JsonWriter>? WriterFor(object? value) => value switch
    {
        null => static writer => writer.WriteNullValue(),
        JsonElement element => element.WriteTo,
        JsonNode node => writer => node.WriteTo(writer),
        string text => writer => writer.WriteStringValue(text),
        bool flag => writer => writer.WriteBooleanValue(flag),
        int or long or short or sbyte => writer => writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        uint or ulong or ushort or byte => writer => writer.WriteNumberValue(Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        double number => writer => writer.WriteNumberValue(number),
        float number => writer => writer.WriteNumberValue(number),
        decimal number => writer => writer.WriteNumberValue(number),
        _ => WriterThroughResolver(value),
    };

    /// <summary>A writer through the app's resolver, or <see langword="null"/> when there is none or it does not know the type.</summary>
    private Action<Utf8JsonWriter>? WriterThroughResolver(object value) =>
        serializerOptions is not null && serializerOptions.TryGetTypeInfo(value.GetType(), out var typeInfo)
            ? writer => JsonSerializer.Serialize(writer, value, typeInfo)
            : null;

    private ArgumentException Refused(string name, object value, string paramName) => new(
        $"The argument '{name}' of the tool '{toolName}' is a {value.GetType().Name}, which is not JSON, a string, a boolean or a number. " +
        $"Pass it as JSON, or set McpAIToolsOptions.JsonSerializerOptions to options whose resolver (a source-generated JsonSerializerContext) knows {value.GetType().Name}.",
        paramName);
}
