using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

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
/// A parsed JSON value that remembers its file and where it starts there, so every diagnostic can point at the
/// exact line and column. Lives only while one snapshot is parsed; never stored in the pipeline's models.
/// </summary>
internal sealed class JsonNode
{
    /// <summary>What every value that is not an object has as its members: shared, and never added to.</summary>
    private static readonly List<JsonProperty> NoProperties = new(0);

    /// <summary>What every value that is not an array has as its items: shared, and never added to.</summary>
    private static readonly List<JsonNode> NoItems = new(0);

    private JsonNode(JsonSource source, JsonKind kind, int start, int length)
    {
        Source = source;
        Kind = kind;
        Start = start;
        Length = length;
        // A snapshot has hundreds of thousands of values, most of them scalars: only a container gets a list of its own.
        Properties = kind == JsonKind.Object ? new() : NoProperties;
        Items = kind == JsonKind.Array ? new() : NoItems;
    }

    /// <summary>The file the value was read from.</summary>
    public JsonSource Source { get; }

    public JsonKind Kind { get; }

    /// <summary>
    /// Whether this object was put together from members of other values (an overlay merged over a snapshot) rather
    /// than read: it then has no text of its own, and its position is that of the value it replaces.
    /// </summary>
    public bool IsComposed { get; private set; }

    /// <summary>Character offset of the value's first character.</summary>
    public int Start { get; }

    /// <summary>Length of the value's text (for containers, up to and including the closing bracket).</summary>
    public int Length { get; internal set; }

    /// <summary>The string's value, or the number's literal text.</summary>
    public string? Text { get; private set; }

    /// <summary>An object's members in document order.</summary>
    public List<JsonProperty> Properties { get; }

    /// <summary>An array's items.</summary>
    public List<JsonNode> Items { get; }

    public static JsonNode Scalar(JsonSource source, JsonKind kind, int start, int length, string? text = null) =>
        new(source, kind, start, length) { Text = text };

    public static JsonNode Container(JsonSource source, JsonKind kind, int start) => new(source, kind, start, 1);

    /// <summary>An object made of <paramref name="members"/> that stands where <paramref name="replaced"/> is written.</summary>
    public static JsonNode Composed(JsonNode replaced, IEnumerable<JsonProperty> members)
    {
        var node = new JsonNode(replaced.Source, JsonKind.Object, replaced.Start, replaced.Length) { IsComposed = true };
        node.Properties.AddRange(members);
        return node;
    }

    /// <summary>Where the value is written.</summary>
    public Location Location => Source.LocationOf(Start, Length);

    /// <summary>
    /// The value's JSON text: as written, or for a composed object its members' texts joined without whitespace.
    /// </summary>
    public string JsonText => IsComposed
        ? "{" + string.Join(",", Properties.Select(member => Json.JsonText.Quote(member.Name) + ":" + member.Value.JsonText)) + "}"
        : Source.TextAt(Start, Length);

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

/// <summary>An object member: its name, where the name is written, and its value.</summary>
internal sealed class JsonProperty(JsonNode key, JsonNode value)
{
    public string Name { get; } = key.Text!;

    /// <summary>The member's name as a string value, for diagnostics that point at the name.</summary>
    public JsonNode Key { get; } = key;

    public JsonNode Value { get; } = value;
}
