using System.Buffers;
using System.ComponentModel;
using System.Text.Json;

namespace McpClientGen.Serialization;

/// <summary>
/// A tool call's arguments, written as one JSON object by generated code through <see cref="Writer"/>, without
/// reflection, so generated clients stay trimming- and Native-AOT-safe.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ToolArguments
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    /// <summary>Starts an empty argument object.</summary>
    public ToolArguments()
    {
        Writer = new Utf8JsonWriter(_buffer);
        Writer.WriteStartObject();
    }

    /// <summary>The writer positioned inside the argument object: write one property per argument.</summary>
    public Utf8JsonWriter Writer { get; }

    /// <summary>Writes every property of a JSON object as an argument, for tools whose arguments have no fixed shape.</summary>
    /// <param name="arguments">A JSON object.</param>
    /// <exception cref="ArgumentException"><paramref name="arguments"/> is not a JSON object.</exception>
    public void CopyProperties(JsonElement arguments)
    {
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"The arguments must be a JSON object, not {arguments.ValueKind}.", nameof(arguments));
        }

        foreach (var property in arguments.EnumerateObject())
        {
            property.WriteTo(Writer);
        }
    }

    /// <summary>Finishes the object and returns it in the shape the MCP SDK sends.</summary>
    internal Dictionary<string, JsonElement> Build()
    {
        Writer.WriteEndObject();
        Writer.Flush();

        // One parse into a document that owns its memory; the property values share it, so none is cloned.
        var reader = new Utf8JsonReader(_buffer.WrittenSpan);
        var root = JsonElement.ParseValue(ref reader);
        var arguments = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            arguments[property.Name] = property.Value;
        }

        return arguments;
    }
}
