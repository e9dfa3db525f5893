namespace McpClientGen.Generator.Tests;

/// <summary>Variants of a snapshot whose <c>prompts</c>, <c>resources</c> or <c>resourceTemplates</c> array alone is changed.</summary>
internal static partial class SnapshotMutator
{
    /// <summary>The optional arrays beside <c>tools</c>, each read on its own and skipped entry by entry when malformed.</summary>
    public static readonly string[] EntryArrays = ["prompts", "resources", "resourceTemplates"];

    /// <summary>URI template pieces, valid and not, of every RFC 6570 level; and values of the wrong type.</summary>
    private static readonly string[] TemplateFragments =
    [
        "{", "}", "{}", "{x}", "{+x}", "{#x}", "{?q,r}", "{/p}", "{.e}", "{;m}", "{&a}", "{x*}", "{x:3}", "{=x}", "{|x}",
        "{a-b}", "{a..b}", "{%41}", "{%4}", "{x}{x}", "{cancellationToken}", "{class}", "%", "%zz", " ", "é", "\\u007b",
        "\"uri\":\"demo://dup\"", "\"uriTemplate\":\"demo://{dup}\"", "\"name\":\"readResource\"", "\"name\":\"\"",
        "\"required\":\"yes\"", "\"arguments\":{}", "\"size\":\"big\"", "\"mimeType\":1",
    ];

    /// <summary>
    /// Mutates one of <paramref name="document"/>'s optional arrays, or returns <see langword="null"/> when it has none.
    /// Everything outside that array is left as it is.
    /// </summary>
    public static string? MutateEntries(string document, Random random)
    {
        var spans = EntryArrays.Select(name => SpanOf(document, name)).OfType<(int Start, int End)>().ToList();
        if (spans.Count == 0)
        {
            return null;
        }

        var (start, end) = spans[random.Next(spans.Count)];
        var array = document[start..end];
        var fragment = TemplateFragments[random.Next(TemplateFragments.Length)];
        var mutated = random.Next(3) switch
        {
            0 => Mutate(array, random),
            1 => array.Insert(random.Next(array.Length), fragment),
            _ => ReplaceStringContent(array, random.Next(array.Length), "demo://" + fragment.Replace("\"", "", StringComparison.Ordinal)),
        };
        return document[..start] + mutated + document[end..];
    }

    /// <summary>Replaces the content of the string literal after <paramref name="position"/>, which keeps the JSON valid.</summary>
    private static string ReplaceStringContent(string text, int position, string content)
    {
        var start = text.IndexOf('"', position);
        var end = start < 0 ? -1 : text.IndexOf('"', start + 1);
        return end > start ? text[..(start + 1)] + content + text[end..] : text;
    }

    /// <summary>Where the array value of the member <paramref name="name"/> is written, brackets included.</summary>
    private static (int Start, int End)? SpanOf(string document, string name)
    {
        var key = document.IndexOf($"\"{name}\":", StringComparison.Ordinal);
        var start = key < 0 ? -1 : document.IndexOf('[', key);
        if (start < 0)
        {
            return null;
        }

        var (depth, inString) = (0, false);
        for (var i = start; i < document.Length; i++)
        {
            var c = document[i];
            if (inString)
            {
                i += c == '\\' ? 1 : 0;
                inString = c != '"';
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if ((depth += c switch { '[' or '{' => 1, ']' or '}' => -1, _ => 0 }) == 0)
            {
                return (start, i + 1);
            }
        }

        return null;
    }
}
