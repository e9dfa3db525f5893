using System.Collections.Concurrent;
using System.Text;

namespace McpClientGen.Resources;

/// <summary>
/// Expands RFC 6570 URI templates (levels 1 to 3) with string values, for the generated resource template methods.
/// Each operator's rules for prefixes, separators, names and percent-encoding are those of the RFC's appendix A: a
/// value is percent-encoded as UTF-8 except for the unreserved characters, and for <c>{+var}</c> and <c>{#var}</c>
/// also except for the reserved characters and the percent-encoded triplets already in it. A variable whose value is
/// <see langword="null"/> is undefined and skipped (section 3.2.1): <c>{?x,y}</c> with only <c>x</c> gives
/// <c>?x=…</c>, and with neither gives nothing, not even the <c>?</c>.
/// </summary>
internal static class UriTemplate
{
    // Generated code passes a constant template, so this holds one entry per template of the user's snapshots.
    private static readonly ConcurrentDictionary<string, UriTemplateParse> Parsed = new(StringComparer.Ordinal);

    /// <summary>Expands <paramref name="template"/>; every variable it names must be a key of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">The template is malformed or unsupported, or a variable is not given.</exception>
    public static string Expand(string template, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var parsed = Parsed.GetOrAdd(template, UriTemplateSyntax.Parse);
        if (parsed.Problem is { } problem)
        {
            throw new ArgumentException($"The URI template '{template}' cannot be expanded: {problem}.", nameof(template));
        }

        var uri = new StringBuilder(template.Length);
        foreach (var part in parsed.Parts)
        {
            if (part.Text is { } literal)
            {
                Encode(uri, literal, allowReserved: true);
            }
            else
            {
                ExpandExpression(uri, part, values, template);
            }
        }

        return uri.ToString();
    }

    private static void ExpandExpression(StringBuilder uri, UriTemplatePart expression, IReadOnlyDictionary<string, string?> values, string template)
    {
        var rules = OperatorRules.Of(expression.Operator);
        var defined = 0;
        foreach (var name in expression.Variables)
        {
            if (!values.TryGetValue(name, out var value))
            {
                throw new ArgumentException($"The URI template '{template}' needs a value for '{name}'.", nameof(values));
            }

            if (value is null)
            {
                continue;
            }

            uri.Append(defined++ == 0 ? rules.First : rules.Separator);
            if (rules.IsNamed)
            {
                uri.Append(name);
                if (value.Length == 0)
                {
                    uri.Append(rules.IfEmpty);
                    continue;
                }

                uri.Append('=');
            }

            Encode(uri, value, rules.AllowReserved);
        }
    }

    /// <summary>
    /// Appends <paramref name="text"/> with every character outside the allowed set percent-encoded as UTF-8. Where
    /// reserved characters are allowed, a percent-encoded triplet is kept as it is (RFC 6570, section 3.2.3).
    /// </summary>
    private static void Encode(StringBuilder uri, string text, bool allowReserved)
    {
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsUnreserved(c) || (allowReserved && (IsReserved(c) || IsEncodedTriplet(text, i))))
            {
                uri.Append(c);
                continue;
            }

            // A surrogate pair is one code point; a lone surrogate cannot be UTF-8 and becomes U+FFFD.
            var rune = Rune.TryGetRuneAt(text, i, out var found) ? found : Rune.ReplacementChar;
            i += rune.Utf16SequenceLength - 1;
            var written = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..written])
            {
                uri.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }
    }

    private const string HexDigits = "0123456789ABCDEF";

    private static bool IsUnreserved(char c) => UriTemplateSyntax.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private static bool IsReserved(char c) => c is ':' or '/' or '?' or '#' or '[' or ']' or '@' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';

    private static bool IsEncodedTriplet(string text, int i) =>
        text[i] == '%' && i + 2 < text.Length && UriTemplateSyntax.IsHex(text[i + 1]) && UriTemplateSyntax.IsHex(text[i + 2]);

    /// <summary>The expansion rules of one operator (RFC 6570, appendix A).</summary>
    private sealed record OperatorRules(string First, string Separator, bool IsNamed, string IfEmpty, bool AllowReserved)
    {
        private static readonly OperatorRules Simple = new("", ",", false, "", false);
        private static readonly OperatorRules Reserved = new("", ",", false, "", true);
        private static readonly OperatorRules Fragment = new("#", ",", false, "", true);
        private static readonly OperatorRules Label = new(".", ".", false, "", false);
        private static readonly OperatorRules PathSegment = new("/", "/", false, "", false);
        private static readonly OperatorRules PathParameter = new(";", ";", true, "", false);
        private static readonly OperatorRules Query = new("?", "&", true, "=", false);
        private static readonly OperatorRules QueryContinuation = new("&", "&", true, "=", false);

        public static OperatorRules Of(char op) => op switch
        {
            '+' => Reserved,
            '#' => Fragment,
            '.' => Label,
            '/' => PathSegment,
            ';' => PathParameter,
            '?' => Query,
            '&' => QueryContinuation,
            _ => Simple,
        };
    }
}
