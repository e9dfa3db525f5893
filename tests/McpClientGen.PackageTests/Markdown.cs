using System.Text;
using System.Text.RegularExpressions;

namespace McpClientGen.PackageTests;

/// <summary>The parts of a Markdown file the documentation tests read: fenced code blocks, headings and links.</summary>
internal sealed partial class Markdown
{
    private readonly List<string> _prose = [];

    private Markdown(string path)
    {
        Path = path;
        var block = (StringBuilder?)null;
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                if (block is null)
                {
                    block = new StringBuilder();
                }
                else
                {
                    CodeBlocks.Add(block.ToString());
                    block = null;
                }
            }
            else if (block is not null)
            {
                block.AppendLine(line);
            }
            else
            {
                _prose.Add(line);
            }
        }
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The text of each fenced code block, in order.</summary>
    public List<string> CodeBlocks { get; } = [];

    /// <summary>The anchors GitHub gives the headings outside code blocks (a repeated one gets <c>-1</c>, <c>-2</c>, …).</summary>
    public HashSet<string> Anchors
    {
        get
        {
            var anchors = new HashSet<string>(StringComparer.Ordinal);
            foreach (var match in _prose.Select(line => Heading().Match(line)).Where(match => match.Success))
            {
                var slug = AnchorRemoved().Replace(match.Groups["text"].Value.Trim().ToLowerInvariant(), "").Replace(' ', '-');
                var anchor = slug;
                for (var repeat = 1; !anchors.Add(anchor); repeat++)
                {
                    anchor = $"{slug}-{repeat}";
                }
            }

            return anchors;
        }
    }

    /// <summary>The targets of the inline links outside code, e.g. <c>docs/cli.md#check</c>; a link may span lines.</summary>
    public IEnumerable<string> LinkTargets =>
        Link().Matches(InlineCode().Replace(string.Join('\n', _prose), "")).Select(match => match.Groups["target"].Value);

    /// <summary>The whitespace-separated words of the file, code included.</summary>
    public int WordCount => File.ReadAllText(Path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    public static Markdown Read(string path) => new(path);

    [GeneratedRegex(@"^#{1,6} (?<text>.+)$")]
    private static partial Regex Heading();

    /// <summary>What GitHub drops from a heading to make its anchor: everything but letters, digits, spaces, '-' and '_'.</summary>
    [GeneratedRegex(@"[^\p{L}\p{N} _-]")]
    private static partial Regex AnchorRemoved();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();
}
