using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace McpClientGen.Generator.Common;

/// <summary>
/// Names for the members of one type whose wire values differ only in punctuation (<c>reactions-+1</c> and
/// <c>reactions--1</c>, <c>a.b</c> and <c>a_b</c>), which <see cref="Naming.ToPascalCase"/> alone makes equal. Only the
/// values whose name would clash, or would have no letters or digits, are named again, in two steps: first a sign
/// before a digit is spelled (<c>ReactionsPlus1</c>, <c>ReactionsMinus1</c>), then every punctuation mark
/// (<c>ADotB</c>, <c>AUnderscoreB</c>). What still clashes is numbered by the caller, as before.
/// </summary>
internal static class SpelledNames
{
    private static readonly Dictionary<char, string> Marks = new()
    {
        ['+'] = "Plus", ['-'] = "Dash", ['.'] = "Dot", ['_'] = "Underscore", [' '] = "Space", ['/'] = "Slash", ['\\'] = "Backslash",
        [':'] = "Colon", [';'] = "Semicolon", [','] = "Comma", ['*'] = "Star", ['#'] = "Hash", ['@'] = "At", ['!'] = "Bang",
        ['?'] = "Question", ['&'] = "And", ['%'] = "Percent", ['$'] = "Dollar", ['='] = "Equals", ['<'] = "Less", ['>'] = "Greater",
        ['~'] = "Tilde", ['^'] = "Caret", ['|'] = "Pipe", ['\''] = "Quote", ['"'] = "DoubleQuote", ['('] = "OpenParen",
        [')'] = "CloseParen", ['['] = "OpenBracket", [']'] = "CloseBracket", ['{'] = "OpenBrace", ['}'] = "CloseBrace",
    };

    /// <summary>The preferred name of each value, in order; equal names are left for the caller to number.</summary>
    public static List<string> For(IReadOnlyList<string> wireValues, string fallback)
    {
        var names = wireValues.Select(value => Naming.ToPascalCase(value, fallback)).ToList();
        foreach (var spell in new System.Func<string, string>[] { SpellSigns, SpellMarks })
        {
            var clashing = Enumerable.Range(0, names.Count)
                .Where(i => IsEmpty(wireValues[i]) || names.Count(name => name == names[i]) > 1)
                .ToList();
            foreach (var i in clashing)
            {
                names[i] = Naming.ToPascalCase(spell(wireValues[i]), fallback);
            }
        }

        return names;
    }

    private static bool IsEmpty(string wireValue) => Naming.ToPascalCase(wireValue, "").Length == 0;

    /// <summary>A <c>+</c> or <c>-</c> before a digit that does not follow a letter or digit is a sign: <c>-1</c>, <c>reactions--1</c>.</summary>
    private static string SpellSigns(string wireValue)
    {
        var spelled = new StringBuilder();
        for (var i = 0; i < wireValue.Length; i++)
        {
            var c = wireValue[i];
            var isSign = c is '+' or '-'
                && i + 1 < wireValue.Length && char.IsDigit(wireValue[i + 1])
                && (i == 0 || !char.IsLetterOrDigit(wireValue[i - 1]));
            spelled.Append(isSign ? (c == '+' ? " Plus " : " Minus ") : c.ToString());
        }

        return spelled.ToString();
    }

    /// <summary>Every mark between words named: <c>a.b</c> → <c>a Dot b</c>; the empty value is <c>Empty</c>.</summary>
    private static string SpellMarks(string wireValue)
    {
        if (wireValue.Length == 0)
        {
            return "Empty";
        }

        var spelled = new StringBuilder();
        foreach (var c in SpellSigns(wireValue))
        {
            spelled.Append(char.IsLetterOrDigit(c) || c == ' ' ? c.ToString()
                : Marks.TryGetValue(c, out var mark) ? " " + mark + " "
                : " U" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " ");
        }

        return spelled.ToString();
    }
}
