using System.Collections.Generic;
using System.Linq;

namespace McpClientGen.Generator.Parsing.Json;

/// <summary>The kind of a JSON value.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A parsed JSON value that remembers where it starts in the snapshot text, so every diagnostic can point at
/// the exact line and column. Lives only while one snapshot is parsed; never stored in the pipeline's models.
/// </summary>
internal sealed class JsonNode
{
    private JsonNode(JsonKind kind, int start, int length)
    {
        Kind = kind;
        Start = start;
        Length = length;
    }

    public JsonKind Kind { get; }

    /// <summary>Character offset of the value's first character.</summary>
    public int Start { get; }

    /// <summary>Length of the value's text (for containers, up to and including the closing bracket).</summary>
    public int Length { get; internal set; }

    /// <summary>The string's value, or the number's literal text.</summary>
    public string? Text { get; private set; }

    /// <summary>An object's members in document order.</summary>
    public List<JsonProperty> Properties { get; } = new();

    /// <summary>An array's items.</summary>
    public List<JsonNode> Items { get; } = new();

    public static JsonNode Scalar(JsonKind kind, int start, int length, string? text = null) =>
        new(kind, start, length) { Text = text };

    public static JsonNode Container(JsonKind kind, int start) => new(kind, start, 1);

    /// <summary>The last member with this name (JSON says the last duplicate wins), or <see langword="null"/>.</summary>
    public JsonProperty? Property(string name)
    {
        for (var i = Properties.Count - 1; i >= 0; i--)
        {
            if (Properties[i].Name == name)
            {
                return Properties[i];
            }
        }

        return null;
    }

    /// <summary>The value of a member, or <see langword="null"/>.</summary>
    public JsonNode? this[string name] => Property(name)?.Value;

    /// <summary>The string value of a member when it is a string.</summary>
    public string? StringOf(string name) => this[name] is { Kind: JsonKind.String } value ? value.Text : null;

    /// <summary>This value and every value inside it, in document order.</summary>
    public IEnumerable<JsonNode> DescendantsAndSelf()
    {
        var pending = new Stack<JsonNode>();
        pending.Push(this);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            yield return node;
            for (var i = node.Items.Count - 1; i >= 0; i--)
            {
                pending.Push(node.Items[i]);
            }

            for (var i = node.Properties.Count - 1; i >= 0; i--)
            {
                pending.Push(node.Properties[i].Value);
            }
        }
    }

    /// <summary>The values of every member named <paramref name="name"/> at any depth, in document order.</summary>
    public IEnumerable<JsonNode> MembersNamed(string name) =>
        DescendantsAndSelf().SelectMany(node => node.Properties).Where(member => member.Name == name).Select(member => member.Value);

    /// <summary>The boolean value of a member when it is a boolean.</summary>
    public bool? BooleanOf(string name) => this[name]?.Kind switch
    {
        JsonKind.True => true,
        JsonKind.False => false,
        _ => null,
    };
}

/// <summary>An object member: its name and its value.</summary>
internal sealed class JsonProperty(string name, JsonNode value)
{
    public string Name { get; } = name;

    public JsonNode Value { get; } = value;
}
