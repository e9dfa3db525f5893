using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace McpClientGen.Generator.Parsing.Json;

/// <summary>
/// The file JSON values were read from. A snapshot's schemas can be merged with values from its overlay, so each
/// value remembers its own file, and a diagnostic about it points into the file that holds it.
/// </summary>
internal sealed class JsonSource(string path, SourceText text)
{
    public string Path { get; } = path;

    public SourceText Text { get; } = text;

    /// <summary>A location in the file: an additional file, so a path with a span and its lines.</summary>
    public Location LocationOf(int start, int length)
    {
        start = System.Math.Max(0, System.Math.Min(start, Text.Length));
        length = System.Math.Max(0, System.Math.Min(length, Text.Length - start));
        var span = new TextSpan(start, length);
        return Location.Create(Path, span, Text.Lines.GetLinePositionSpan(span));
    }

    /// <summary>The text at a span, exactly as written.</summary>
    public string TextAt(int start, int length) => Text.ToString(new TextSpan(start, length));
}
