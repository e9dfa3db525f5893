using System;
using System.Text;

namespace McpClientGen.Generator.Emitting;

/// <summary>Builds indented C# source with <c>\n</c> line endings, so output is identical on every OS.</summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * IndentSize).Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace; disposing the result closes it.</summary>
    public IDisposable Block(string header, string closing = "}")
    {
        Line(header);
        Line("{");
        _indent++;
        return new Closer(this, closing);
    }

    /// <summary>Indents the following lines without braces until disposed.</summary>
    public IDisposable Indented()
    {
        _indent++;
        return new Closer(this, null);
    }

    /// <summary>Writes a blank line before every member but the first.</summary>
    public void SeparateFromPrevious(ref bool first)
    {
        if (!first)
        {
            Line();
        }

        first = false;
    }

    public override string ToString() => _builder.ToString();

    private sealed class Closer(SourceWriter writer, string? closing) : IDisposable
    {
        public void Dispose()
        {
            writer._indent--;
            if (closing is not null)
            {
                writer.Line(closing);
            }
        }
    }
}
