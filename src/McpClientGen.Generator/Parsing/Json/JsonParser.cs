using System.Globalization;
using System.Text;

namespace McpClientGen.Generator.Parsing.Json;

/// <summary>
/// A strict RFC 8259 parser that records the position of every value. The generator carries its own parser
/// rather than System.Text.Json because it needs those positions for diagnostics, and because an analyzer
/// that brings its own System.Text.Json can clash with the copy loaded by the compiler host.
/// </summary>
internal sealed class JsonParser
{
    /// <summary>Deeper documents are rejected, so hostile input cannot overflow the compiler's stack.</summary>
    private const int MaxDepth = 256;

    private readonly JsonSource _source;
    private readonly string _text;
    private int _position;

    private JsonParser(JsonSource source)
    {
        _source = source;
        _text = source.Text.ToString();
    }

    /// <summary>Parses a whole file; throws <see cref="JsonParseException"/> with the offset of the first error.</summary>
    public static JsonNode Parse(JsonSource source)
    {
        var parser = new JsonParser(source);
        var text = parser._text;
        parser.SkipWhitespace();
        if (parser._position == 0 && text.Length > 0 && text[0] == '\uFEFF')
        {
            parser._position = 1;
            parser.SkipWhitespace();
        }

        var root = parser.ParseValue(0);
        parser.SkipWhitespace();
        if (parser._position < text.Length)
        {
            throw new JsonParseException("Unexpected text after the end of the JSON document.", parser._position);
        }

        return root;
    }

    private JsonNode ParseValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new JsonParseException($"The document is nested deeper than {MaxDepth} levels.", _position);
        }

        if (_position >= _text.Length)
        {
            throw new JsonParseException("Unexpected end of the document; a value was expected.", _position);
        }

        var c = _text[_position];
        switch (c)
        {
            case '{':
                return ParseObject(depth);
            case '[':
                return ParseArray(depth);
            case '"':
                var start = _position;
                var value = ParseString();
                return JsonNode.Scalar(_source, JsonKind.String, start, _position - start, value);
            case 't':
                return ParseLiteral("true", JsonKind.True);
            case 'f':
                return ParseLiteral("false", JsonKind.False);
            case 'n':
                return ParseLiteral("null", JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                throw new JsonParseException($"Unexpected character '{Printable(c)}'; a value was expected.", _position);
        }
    }

    private JsonNode ParseObject(int depth)
    {
        var node = JsonNode.Container(_source, JsonKind.Object, _position);
        _position++;
        SkipWhitespace();
        if (TryConsume('}'))
        {
            node.Length = _position - node.Start;
            return node;
        }

        while (true)
        {
            SkipWhitespace();
            if (_position >= _text.Length || _text[_position] != '"')
            {
                throw Expected("a property name in double quotes");
            }

            var nameStart = _position;
            var name = ParseString();
            var key = JsonNode.Scalar(_source, JsonKind.String, nameStart, _position - nameStart, name);
            SkipWhitespace();
            if (!TryConsume(':'))
            {
                throw Expected("':' after the property name");
            }

            SkipWhitespace();
            node.Properties.Add(new JsonProperty(key, ParseValue(depth + 1)));
            SkipWhitespace();
            if (TryConsume(','))
            {
                continue;
            }

            if (TryConsume('}'))
            {
                node.Length = _position - node.Start;
                return node;
            }

            throw Expected("',' or '}'");
        }
    }

    private JsonNode ParseArray(int depth)
    {
        var node = JsonNode.Container(_source, JsonKind.Array, _position);
        _position++;
        SkipWhitespace();
        if (TryConsume(']'))
        {
            node.Length = _position - node.Start;
            return node;
        }

        while (true)
        {
            SkipWhitespace();
            node.Items.Add(ParseValue(depth + 1));
            SkipWhitespace();
            if (TryConsume(','))
            {
                continue;
            }

            if (TryConsume(']'))
            {
                node.Length = _position - node.Start;
                return node;
            }

            throw Expected("',' or ']'");
        }
    }

    private string ParseString()
    {
        var start = _position;
        _position++;

        // Most strings have no escapes: they are cut out of the text, and a builder is made only for one that has.
        while (_position < _text.Length && _text[_position] is not ('"' or '\\') && _text[_position] >= ' ')
        {
            _position++;
        }

        if (_position < _text.Length && _text[_position] == '"')
        {
            _position++;
            return _text.Substring(start + 1, _position - start - 2);
        }

        var builder = new StringBuilder().Append(_text, start + 1, _position - start - 1);
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new JsonParseException("Unterminated string.", start);
            }

            var c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c < ' ')
            {
                throw new JsonParseException("Control characters must be escaped inside strings.", _position - 1);
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                throw new JsonParseException("Unterminated string.", start);
            }

            var escape = _text[_position++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new JsonParseException("'\\u' must be followed by four hexadecimal digits.", _position - 2);
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw new JsonParseException($"Invalid escape sequence '\\{Printable(escape)}'.", _position - 2);
            }
        }
    }

    private JsonNode ParseNumber()
    {
        var start = _position;
        TryConsume('-');
        if (TryConsume('0'))
        {
            // A leading zero stands alone.
        }
        else if (!ConsumeDigits())
        {
            throw Expected("a digit");
        }

        if (TryConsume('.') && !ConsumeDigits())
        {
            throw Expected("a digit after the decimal point");
        }

        if (TryConsume('e') || TryConsume('E'))
        {
            if (!TryConsume('+'))
            {
                TryConsume('-');
            }

            if (!ConsumeDigits())
            {
                throw Expected("a digit in the exponent");
            }
        }

        return JsonNode.Scalar(_source, JsonKind.Number, start, _position - start, _text.Substring(start, _position - start));
    }

    private bool ConsumeDigits()
    {
        var start = _position;
        while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private JsonNode ParseLiteral(string literal, JsonKind kind)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw new JsonParseException($"Unexpected text; did you mean '{literal}'?", _position);
        }

        var node = JsonNode.Scalar(_source, kind, _position, literal.Length);
        _position += literal.Length;
        return node;
    }

    private bool TryConsume(char c)
    {
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\n' or '\r')
        {
            _position++;
        }
    }

    private JsonParseException Expected(string what) =>
        _position >= _text.Length
            ? new JsonParseException($"Unexpected end of the document; expected {what}.", _position)
            : new JsonParseException($"Unexpected character '{Printable(_text[_position])}'; expected {what}.", _position);

    private static string Printable(char c) => c < ' ' ? $"\\u{(int)c:X4}" : c.ToString();
}
