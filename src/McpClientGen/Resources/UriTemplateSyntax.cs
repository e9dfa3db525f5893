// An alias, not a plain using: the file is compiled into the runtime (implicit usings) and the generator (none).
using Generic = System.Collections.Generic;

namespace McpClientGen.Resources;

/// <summary>
/// Reads an RFC 6570 URI template into literal text and expressions. The same file is compiled into the generator,
/// which reports a template's problems where the snapshot writes it, and into the runtime, which expands it, so the
/// two agree on what a template means. Levels 1 to 3 are supported: every operator (<c>+ # . / ; ? &amp;</c>) over
/// variables with string values; a variable may appear more than once (<c>{x}/{x}</c>) and takes the same value each
/// time. Well-formed level 4 value modifiers (<c>{var:3}</c>, <c>{list*}</c>) are reported as unsupported; a modifier
/// the RFC's grammar does not allow (<c>{var:abc}</c>, <c>{a*b}</c>) makes the template malformed.
/// </summary>
internal static class UriTemplateSyntax
{
    /// <summary>Splits <paramref name="template"/> into parts, or explains the first problem.</summary>
    public static UriTemplateParse Parse(string template)
    {
        var parts = new Generic.List<UriTemplatePart>();
        var literalStart = 0;
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c == '}')
            {
                return UriTemplateParse.Malformed(i, 1, "a '}' closes no expression");
            }

            if (c != '{')
            {
                i++;
                continue;
            }

            if (i > literalStart)
            {
                parts.Add(UriTemplatePart.Literal(template.Substring(literalStart, i - literalStart)));
            }

            var close = template.IndexOf('}', i + 1);
            var nested = template.IndexOf('{', i + 1);
            if (close < 0 || (nested >= 0 && nested < close))
            {
                return UriTemplateParse.Malformed(i, 1, "a '{' is not closed");
            }

            var expression = ReadExpression(template, i, close);
            if (expression.Problem is not null)
            {
                return expression;
            }

            parts.Add(expression.Parts[0]);
            i = close + 1;
            literalStart = i;
        }

        if (template.Length > literalStart)
        {
            parts.Add(UriTemplatePart.Literal(template.Substring(literalStart)));
        }

        return UriTemplateParse.Of(parts);
    }

    /// <summary>Reads the expression between the braces at <paramref name="open"/> and <paramref name="close"/>.</summary>
    private static UriTemplateParse ReadExpression(string template, int open, int close)
    {
        var start = open + 1;
        if (start == close)
        {
            return UriTemplateParse.Malformed(open, 2, "an expression '{}' names no variable");
        }

        var op = template[start];
        // The operators of levels 2 and 3 are supported; the remaining ones are reserved by the RFC.
        if (op is '=' or ',' or '!' or '@' or '|')
        {
            return UriTemplateParse.Malformed(start, 1, $"the operator '{op}' is reserved by RFC 6570");
        }

        var isOperator = op is '+' or '#' or '.' or '/' or ';' or '?' or '&';
        var variables = new Generic.List<string>();
        var position = isOperator ? start + 1 : start;
        foreach (var spec in template.Substring(position, close - position).Split(','))
        {
            var name = spec;
            var modifier = spec.IndexOfAny([':', '*']);
            if (modifier >= 0)
            {
                name = spec.Substring(0, modifier);
            }

            if (!IsVariableName(name))
            {
                return UriTemplateParse.Malformed(position, spec.Length == 0 ? 1 : spec.Length, $"'{spec}' is not a valid variable name");
            }

            if (modifier >= 0)
            {
                var text = spec.Substring(modifier);
                return IsModifier(text)
                    ? UriTemplateParse.Unsupported(position + modifier, text.Length, $"the modifier '{text}' of '{name}' (RFC 6570 level 4) is not supported")
                    : UriTemplateParse.Malformed(position + modifier, text.Length, $"'{text}' is not a modifier of '{name}': a prefix is ':' and a length of 1 to 9999, an explode is a final '*'");
            }

            variables.Add(name);
            position += spec.Length + 1;
        }

        return UriTemplateParse.Of([UriTemplatePart.Expression(isOperator ? op : '\0', variables)]);
    }

    /// <summary>RFC 6570 <c>modifier-level4</c>: <c>:</c> and a length 1 to 9999 without leading zeros, or <c>*</c>.</summary>
    private static bool IsModifier(string text)
    {
        if (text == "*")
        {
            return true;
        }

        if (text.Length is < 2 or > 5 || text[0] != ':' || text[1] == '0')
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 6570 <c>varname</c>: ALPHA, DIGIT, <c>_</c> or a percent-encoded octet, with single dots between them.</summary>
    private static bool IsVariableName(string name)
    {
        if (name.Length == 0 || name[0] == '.' || name[name.Length - 1] == '.')
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '%')
            {
                if (i + 2 >= name.Length || !IsHex(name[i + 1]) || !IsHex(name[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (c == '.' ? name[i - 1] == '.' : !(IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    internal static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}

/// <summary>A literal run of a template, or one expression with its operator (<c>'\0'</c> for none) and variables.</summary>
internal sealed class UriTemplatePart
{
    private UriTemplatePart(string? literal, char op, Generic.IReadOnlyList<string> variables)
    {
        Text = literal;
        Operator = op;
        Variables = variables;
    }

    /// <summary>The literal text, or <see langword="null"/> for an expression.</summary>
    public string? Text { get; }

    public char Operator { get; }

    /// <summary>The expression's variable names in order; none for a literal.</summary>
    public Generic.IReadOnlyList<string> Variables { get; }

    public static UriTemplatePart Literal(string text) => new(text, '\0', []);

    public static UriTemplatePart Expression(char op, Generic.IReadOnlyList<string> variables) => new(null, op, variables);
}

/// <summary>
/// The parts of a template, or its first problem: where it is (a character range of the template), what it is, and
/// whether the template is malformed or only uses what is not supported.
/// </summary>
internal sealed class UriTemplateParse
{
    private UriTemplateParse(Generic.IReadOnlyList<UriTemplatePart> parts, string? problem, int offset, int length, bool isUnsupported)
    {
        Parts = parts;
        Problem = problem;
        Offset = offset;
        Length = length;
        IsUnsupported = isUnsupported;
    }

    public Generic.IReadOnlyList<UriTemplatePart> Parts { get; }

    public string? Problem { get; }

    public int Offset { get; }

    public int Length { get; }

    public bool IsUnsupported { get; }

    public static UriTemplateParse Of(Generic.IReadOnlyList<UriTemplatePart> parts) => new(parts, null, 0, 0, false);

    public static UriTemplateParse Malformed(int offset, int length, string problem) => new([], problem, offset, length, false);

    public static UriTemplateParse Unsupported(int offset, int length, string problem) => new([], problem, offset, length, true);
}
