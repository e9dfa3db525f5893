using System.Text.RegularExpressions;

namespace McpClientGen.Cli.CommandLine;

/// <summary>
/// A server's text shown on one line: whitespace (line breaks too) folded into single spaces, and terminal escape
/// sequences and other control characters removed, so the text cannot rewrite what the terminal shows.
/// </summary>
internal static partial class OneLineText
{
    /// <summary>How much of a server's text a message quotes, so that a long answer cannot flood the terminal.</summary>
    public const int QuotedLength = 200;

    public static string Of(string text) => Controls().Replace(Whitespace().Replace(text, " "), "").Trim();

    /// <summary>A server's text folded into one line and cut at <see cref="QuotedLength"/> characters.</summary>
    public static string Quoted(string text)
    {
        var line = Of(text);
        return line.Length <= QuotedLength ? line : string.Concat(line.AsSpan(0, QuotedLength), "…");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>ANSI escape sequences (CSI, such as colours and cursor moves), then any control character left.</summary>
    [GeneratedRegex(@"\x1B\[[0-?]*[ -/]*[@-~]|\p{Cc}")]
    private static partial Regex Controls();
}
