using System.Text;

namespace McpClientGen.Cli.CommandLine;

/// <summary>
/// Splits the command line of <c>--stdio</c> into words the way a POSIX shell does, without expanding anything: words
/// are separated by whitespace; <c>'...'</c> keeps everything literally; <c>"..."</c> keeps everything but a backslash
/// before <c>"</c>, <c>\</c>, <c>$</c> or <c>`</c>; outside quotes a backslash keeps the next character literally.
/// Messages never repeat the text: the arguments may hold secrets.
/// </summary>
internal static class CommandLineSplitter
{
    /// <summary>The words of <paramref name="line"/>, or why it has none: an unterminated quote, or nothing but spaces.</summary>
    public static IReadOnlyList<string>? Split(string line, out string? error)
    {
        error = null;
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            switch (c)
            {
                case '\'':
                    var close = line.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        error = Unterminated("single");
                        return null;
                    }

                    word.Append(line, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    i = ReadDoubleQuoted(line, i + 1, word);
                    if (i < 0)
                    {
                        error = Unterminated("double");
                        return null;
                    }

                    break;
                case '\\' when i + 1 < line.Length:
                    word.Append(line[++i]);
                    break;
                default:
                    word.Append(c);
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        if (words.Count == 0)
        {
            error = "--stdio needs the command that starts the server, such as --stdio \"npx -y some-mcp-server\".";
            return null;
        }

        return words;
    }

    /// <summary>Appends a double-quoted part that starts at <paramref name="start"/>; returns the index of its closing quote, -1 if none.</summary>
    private static int ReadDoubleQuoted(string line, int start, StringBuilder word)
    {
        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                return i;
            }

            if (c == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`')
            {
                c = line[++i];
            }

            word.Append(c);
        }

        return -1;
    }

    private static string Unterminated(string kind) => $"The --stdio command line has an unterminated {kind} quote.";
}
