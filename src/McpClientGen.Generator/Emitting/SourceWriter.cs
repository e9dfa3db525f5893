using System;
using System.Runtime.CompilerServices;
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

    /// <summary>
    /// Writes an interpolated line as <see cref="Line(string)"/> would, each part straight into the buffer: a large
    /// client writes hundreds of thousands of lines, and none of them is built as a string of its own first.
    /// </summary>
    public SourceWriter Line([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace; disposing the result closes it.</summary>
    public IDisposable Block(string header, string closing = "}")
    {
        Line(header);
        return Open(closing);
    }

    /// <inheritdoc cref="Block(string, string)"/>
    public IDisposable Block([InterpolatedStringHandlerArgument("")] ref LineHandler header, string closing = "}")
    {
        _builder.Append('\n');
        return Open(closing);
    }

    private Closer Open(string closing)
    {
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

    /// <summary>
    /// The parts of an interpolated line, appended as they come; the indentation goes first, and only when the line is
    /// not empty, as <see cref="Line(string)"/> does. Values are formatted as string interpolation formats them (the
    /// current culture, as <see cref="string.Format(string, object[])"/>).
    /// </summary>
    [InterpolatedStringHandler]
    internal ref struct LineHandler
    {
        private readonly SourceWriter _writer;
        private bool _indented;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _ = literalLength;
            _ = formattedCount;
            _writer = writer;
            _indented = false;
        }

        public void AppendLiteral(string value) => AppendFormatted(value);

        public void AppendFormatted(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            if (!_indented)
            {
                _writer._builder.Append(' ', _writer._indent * IndentSize);
                _indented = true;
            }

            _writer._builder.Append(value);
        }

        public void AppendFormatted<T>(T value) => AppendFormatted(value is IFormattable formattable ? formattable.ToString(null, null) : value?.ToString());

        public void AppendFormatted<T>(T value, string? format) => AppendFormatted(value is IFormattable formattable ? formattable.ToString(format, null) : value?.ToString());
    }

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
