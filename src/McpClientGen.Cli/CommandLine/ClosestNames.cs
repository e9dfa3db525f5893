namespace McpClientGen.Cli.CommandLine;

/// <summary>
/// The names most like a mistyped one, for "did you mean" lists: by edit distance, ignoring case, and only names that
/// differ in at most half their characters (a list of unrelated names helps nobody).
/// </summary>
internal static class ClosestNames
{
    public static IReadOnlyList<string> To(string wanted, IEnumerable<string> names, int count = 3) =>
        names
            .Select(name => (Name: name, Distance: Distance(wanted.ToUpperInvariant(), name.ToUpperInvariant())))
            .Where(candidate => candidate.Distance <= Math.Max(wanted.Length, candidate.Name.Length) / 2)
            .OrderBy(candidate => candidate.Distance)
            .ThenBy(candidate => candidate.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(candidate => candidate.Name)
            .ToList();

    /// <summary>Levenshtein distance: insertions, deletions and substitutions, one row at a time.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
