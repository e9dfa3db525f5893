using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpClientGen.Serialization;

/// <summary>
/// A tool call's arguments, written as one JSON object by generated code through <see cref="Writer"/>, without
/// reflection, so generated clients stay trimming- and Native-AOT-safe.
/// </summary>
/// <remarks>
/// The arguments are written straight into the request's parameters, <c>{"arguments":{…},"name":…}</c>, which are
/// parsed once when the call is sent: nothing is copied into a dictionary or serialized a second time on the way out.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ToolArguments
{
    private static readonly JsonEncodedText ArgumentsProperty = JsonEncodedText.Encode("arguments");
    private static readonly JsonEncodedText NameProperty = JsonEncodedText.Encode("name");

    private ArgumentsBuffer? _buffer = ArgumentsBuffer.Rent();

    /// <summary>Starts an empty argument object.</summary>
    public ToolArguments()
    {
        Writer.WriteStartObject();
        Writer.WriteStartObject(ArgumentsProperty);
    }

    /// <summary>The writer positioned inside the argument object: write one property per argument.</summary>
    /// <exception cref="InvalidOperationException">The arguments have been sent.</exception>
    public Utf8JsonWriter Writer => _buffer?.Writer ?? throw new InvalidOperationException("These arguments have been sent; write a new ToolArguments for another call.");

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

    /// <summary>Finishes the object and returns the <c>tools/call</c> parameters that send it to <paramref name="toolName"/>.</summary>
    internal JsonObject BuildToolCall(string toolName)
    {
        Writer.WriteEndObject();
        Writer.WriteString(NameProperty, toolName);
        return Finish(static json => JsonNode.Parse(json)!.AsObject());
    }

    /// <summary>Finishes the object and returns it as a dictionary, the shape the SDK's other requests take.</summary>
    internal Dictionary<string, JsonElement> Build()
    {
        Writer.WriteEndObject();
        return Finish(static json =>
        {
            // One parse into a document that owns its memory; the property values share it, so none is cloned.
            var reader = new Utf8JsonReader(json);
            var root = JsonElement.ParseValue(ref reader);
            var arguments = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in root.GetProperty(ArgumentsProperty.EncodedUtf8Bytes).EnumerateObject())
            {
                arguments[property.Name] = property.Value;
            }

            return arguments;
        });
    }

    /// <summary>Closes the outer object, parses what was written into memory of its own, and gives the buffer back.</summary>
    private T Finish<T>(ParseWritten<T> parse)
    {
        var buffer = _buffer!;
        _buffer = null;
        buffer.Writer.WriteEndObject();
        buffer.Writer.Flush();
        var parsed = parse(buffer.Written);
        ArgumentsBuffer.Return(buffer);
        return parsed;
    }

    private delegate T ParseWritten<T>(ReadOnlySpan<byte> json);
}
