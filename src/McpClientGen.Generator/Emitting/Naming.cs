using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace McpClientGen.Generator.Emitting;

/// <summary>Turns wire names (<c>find-customer</c>, <c>crm.findCustomer</c>, <c>find_customer</c>) into C# identifiers.</summary>
internal static class Naming
{
    /// <summary>PascalCase from any separator style; a leading digit gets an underscore.</summary>
    public static string ToPascalCase(string wireName, string fallback)
    {
        var builder = new StringBuilder(wireName.Length);
        foreach (var word in SplitWords(wireName))
        {
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(word, 1, word.Length - 1);
        }

        if (builder.Length == 0)
        {
            return fallback;
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>camelCase for parameters; C# keywords are escaped with <c>@</c>.</summary>
    public static string ToCamelCase(string pascalCase)
    {
        var camel = pascalCase.Length > 0 && char.IsUpper(pascalCase[0])
            ? char.ToLowerInvariant(pascalCase[0]) + pascalCase.Substring(1)
            : pascalCase;
        return EscapeKeyword(camel);
    }

    public static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) is SyntaxKind.AwaitKeyword
            ? "@" + identifier
            : identifier;

    /// <summary>
    /// Words are runs of letters and digits; a lower-to-upper change also starts a word, so
    /// <c>findCustomer</c> and <c>find_customer</c> give the same name.
    /// </summary>
    private static IEnumerable<string> SplitWords(string text)
    {
        var word = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsIdentifierPart(c))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                continue;
            }

            if (word.Length > 0 && char.IsUpper(c) && char.IsLower(word[word.Length - 1]))
            {
                yield return word.ToString();
                word.Clear();
            }

            word.Append(c);
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static bool IsIdentifierPart(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.LetterNumber or UnicodeCategory.DecimalDigitNumber;
}
