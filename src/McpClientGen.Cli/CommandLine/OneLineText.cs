using System.Text.RegularExpressions;

namespace McpClientGen.Cli.CommandLine;

/// <summary>Text shown inside a one-line message: whitespace (line breaks too) folded into single spaces.</summary>
internal static partial class OneLineText
{
    /// <summary>How much of a server's text a message quotes, so that a long answer cannot flood the terminal.</summary>
    public const int QuotedLength = 200;

    public static string Of(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>A server's text folded into one line and cut at <see cref="QuotedLength"/> characters.</summary>
    public static string Quoted(string text)
    {
        var line = Of(text);
        return line.Length <= QuotedLength ? line : string.Concat(line.AsSpan(0, QuotedLength), "…");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
