using System.Linq;
using System.Text;

namespace McpClientGen.Generator.Emitting;

/// <summary>Writes server-provided text into XML doc comments safely.</summary>
internal static class XmlDoc
{
    /// <summary>Every character C# ends a line at; any of them inside server text would end the <c>///</c> comment.</summary>
    private static readonly char[] LineBreaks = ['\r', '\n', '\u0085', '\u2028', '\u2029'];

    /// <summary>Escapes XML's special characters, and replaces characters XML does not allow (control characters, lone surrogates).</summary>
    public static string Escape(string text)
    {
        // Most text has nothing to escape: it is returned as it is, and a builder is made only for text that does.
        if (!NeedsEscaping(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case var _ when char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]):
                    builder.Append(c).Append(text[++i]);
                    break;
                case var _ when char.IsSurrogate(c) || (c < ' ' && c != '\t') || c is '\uFFFE' or '\uFFFF':
                    builder.Append('\uFFFD');
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether <see cref="Escape"/> would change any character of <paramref name="text"/>.</summary>
    private static bool NeedsEscaping(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (c is '&' or '<' or '>' or '\uFFFE' or '\uFFFF' || char.IsSurrogate(c) || (c < ' ' && c != '\t'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes <c>&lt;tag&gt;text&lt;/tag&gt;</c>, one <c>///</c> line per line of text.</summary>
    public static void Write(SourceWriter writer, string tag, string text, string attributes = "")
    {
        var lines = text.Replace("\r\n", "\n").Split(LineBreaks)
            .Select(line => Escape(line.TrimEnd()))
            .ToList();
        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count <= 1)
        {
            writer.Line($"/// <{tag}{attributes}>{(lines.Count == 0 ? "" : lines[0])}</{tag}>");
            return;
        }

        writer.Line($"/// <{tag}{attributes}>");
        foreach (var line in lines)
        {
            writer.Line(line.Length == 0 ? "///" : "/// " + line);
        }

        writer.Line($"/// </{tag}>");
    }

    /// <summary>The first non-empty of the candidates, or the fallback.</summary>
    public static string FirstOf(string fallback, params string?[] candidates) =>
        candidates.FirstOrDefault(candidate => !string.IsNullOrWhiteSpace(candidate)) ?? fallback;

    /// <summary>Inline code on one line: line breaks become spaces.</summary>
    public static string Code(string text) => "<c>" + Escape(OneLine(text)) + "</c>";

    /// <summary>The text with its line breaks as spaces, so it cannot end a <c>//</c> comment it is written into.</summary>
    public static string OneLine(string text) => string.Join(" ", text.Split(LineBreaks));
}
