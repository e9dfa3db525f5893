using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace McpClientGen.Generator.Binding;

/// <summary>
/// Which tools <c>Include</c> and <c>Exclude</c> leave: all when <c>Include</c> is empty, else those it matches, less
/// those <c>Exclude</c> matches. A pattern is a tool name in which <c>*</c> matches any run of characters.
/// </summary>
internal sealed class ToolSelection(IEnumerable<string> include, IEnumerable<string> exclude)
{
    private readonly List<Regex> _include = include.Select(Pattern).ToList();
    private readonly List<Regex> _exclude = exclude.Select(Pattern).ToList();

    public static Regex Pattern(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*") + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    public bool Selects(string wireName) =>
        (_include.Count == 0 || _include.Any(pattern => pattern.IsMatch(wireName)))
        && !_exclude.Any(pattern => pattern.IsMatch(wireName));
}
