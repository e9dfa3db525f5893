using System.Buffers;
using System.ComponentModel;
using System.Text.Json;

namespace McpClientGen.Serialization;

/// <summary>
/// Collects a tool call's arguments as JSON without reflection, so generated clients stay trimming- and
/// Native-AOT-safe. Used by generated code; <see langword="null"/> values are left out, which is how MCP
/// servers expect optional arguments to be omitted.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ToolArguments
{
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _writer;

    /// <summary>Starts an empty argument object.</summary>
    public ToolArguments()
    {
        _writer = new Utf8JsonWriter(_buffer);
        _writer.WriteStartObject();
    }

    /// <summary>Adds a string argument.</summary>
    public ToolArguments Add(string name, string? value)
    {
        if (value is not null)
        {
            _writer.WriteString(name, value);
        }

        return this;
    }

    /// <summary>Adds an integer argument.</summary>
    public ToolArguments Add(string name, long? value)
    {
        if (value is { } number)
        {
            _writer.WriteNumber(name, number);
        }

        return this;
    }

    /// <summary>Adds a 32-bit integer argument.</summary>
    public ToolArguments Add(string name, int? value) => Add(name, (long?)value);

    /// <summary>Adds a number argument.</summary>
    public ToolArguments Add(string name, double? value)
    {
        if (value is { } number)
        {
            _writer.WriteNumber(name, number);
        }

        return this;
    }

    /// <summary>Adds a boolean argument.</summary>
    public ToolArguments Add(string name, bool? value)
    {
        if (value is { } flag)
        {
            _writer.WriteBoolean(name, flag);
        }

        return this;
    }

    /// <summary>Adds an argument given as raw JSON.</summary>
    public ToolArguments Add(string name, JsonElement? value)
    {
        if (value is { } json)
        {
            _writer.WritePropertyName(name);
            json.WriteTo(_writer);
        }

        return this;
    }

    /// <summary>Adds an argument that writes itself, such as a generated record.</summary>
    public ToolArguments Add<T>(string name, T? value, Action<Utf8JsonWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (value is not null)
        {
            _writer.WritePropertyName(name);
            write(_writer, value);
        }

        return this;
    }

    /// <summary>Finishes the object and returns it in the shape the MCP SDK sends.</summary>
    internal Dictionary<string, JsonElement> Build()
    {
        _writer.WriteEndObject();
        _writer.Flush();

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
