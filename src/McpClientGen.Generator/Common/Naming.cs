using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace McpClientGen.Generator.Common;

/// <summary>
/// Turns wire names (<c>find-customer</c>, <c>crm.findCustomer</c>, <c>FIND_CUSTOMER</c>) into idiomatic C#
/// identifiers. The result depends only on the input, so names are stable across runs and machines.
/// </summary>
internal static class Naming
{
    /// <summary>
    /// <paramref name="prefix"/>, the PascalCase name and <paramref name="kind"/>, the kind once: <c>args-prompt</c> gives
    /// <c>GetArgsPrompt</c>, not <c>GetArgsPromptPrompt</c>.
    /// </summary>
    public static string KindMethodBase(string prefix, string wireName, string kind)
    {
        var name = ToPascalCase(wireName, "");
        return prefix + (name.EndsWith(kind, System.StringComparison.Ordinal) ? name : name + kind);
    }

    /// <summary>
    /// PascalCase from any separator style. Words in capitals become capitalised words (<c>GET_URL</c> →
    /// <c>GetUrl</c>); a leading digit gets an underscore; a name with no letters or digits gets the fallback.
    /// </summary>
    public static string ToPascalCase(string wireName, string fallback)
    {
        var builder = new StringBuilder(wireName.Length);
        foreach (var word in SplitWords(wireName))
        {
            var allCapitals = word.Length > 1 && !HasLower(word);
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(allCapitals ? word.Substring(1).ToLowerInvariant() : word.Substring(1));
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

    /// <summary>
    /// The name for the items of a list named <paramref name="listName"/>: a plain English plural loses its
    /// ending (<c>Stops</c> → <c>Stop</c>, <c>Entries</c> → <c>Entry</c>); anything else gets <c>Item</c>.
    /// </summary>
    public static string ItemOf(string listName)
    {
        if (listName.Length > 4 && listName.EndsWith("ies", System.StringComparison.Ordinal))
        {
            return listName.Substring(0, listName.Length - 3) + "y";
        }

        // Two-letter words and -ss, -us, -is, -as endings (Class, Status, Analysis, Canvas) are rarely plurals.
        var lastWordStart = listName.Length - 1;
        while (lastWordStart > 0 && !char.IsUpper(listName[lastWordStart]))
        {
            lastWordStart--;
        }

        var plainPlural = listName.Length - lastWordStart >= 3
            && listName[listName.Length - 1] == 's'
            && char.IsLower(listName[listName.Length - 2])
            && listName[listName.Length - 2] is not ('s' or 'u' or 'i' or 'a');
        return plainPlural ? listName.Substring(0, listName.Length - 1) : listName + "Item";
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
    /// Words are runs of letters and digits. A lower-to-upper change starts a word (<c>findCustomer</c>), and so
    /// does the last capital of an acronym before a lower-case letter (<c>HTTPServer</c> → <c>HTTP</c>, <c>Server</c>).
    /// </summary>
    private static IEnumerable<string> SplitWords(string text)
    {
        var word = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // Combining marks belong to the letter before them (a decomposed é, Devanagari vowel signs).
            if (word.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                word.Append(c);
                continue;
            }

            if (!IsIdentifierPart(c))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                continue;
            }

            if (word.Length > 0 && char.IsUpper(c) && StartsWord(word[word.Length - 1], i + 1 < text.Length ? text[i + 1] : '\0'))
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

    private static bool StartsWord(char previous, char next) =>
        char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next));

    private static bool HasLower(string word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIdentifierPart(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.LetterNumber or UnicodeCategory.DecimalDigitNumber;
}
