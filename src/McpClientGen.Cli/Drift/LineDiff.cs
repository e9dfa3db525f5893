namespace McpClientGen.Cli.Drift;

/// <summary>
/// A line diff by longest common subsequence, enough for the schemas of one tool. Lines shared at the start and end
/// are taken first, so a one-line change in a long schema costs next to nothing.
/// </summary>
internal static class LineDiff
{
    /// <summary>Beyond this many cells the table would cost too much memory; the middle is then shown as replaced.</summary>
    private const long MaxTableCells = 4_000_000;

    public static IReadOnlyList<DiffLine> Compute(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var prefix = 0;
        while (prefix < before.Count && prefix < after.Count && before[prefix] == after[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < before.Count - prefix && suffix < after.Count - prefix
            && before[before.Count - 1 - suffix] == after[after.Count - 1 - suffix])
        {
            suffix++;
        }

        var lines = new List<DiffLine>(before.Count + after.Count);
        lines.AddRange(before.Take(prefix).Select(line => new DiffLine(DiffLineKind.Unchanged, line)));
        AddMiddle(lines, Slice(before, prefix, suffix), Slice(after, prefix, suffix));
        lines.AddRange(before.Skip(before.Count - suffix).Select(line => new DiffLine(DiffLineKind.Unchanged, line)));
        return lines;
    }

    private static string[] Slice(IReadOnlyList<string> lines, int prefix, int suffix) =>
        lines.Skip(prefix).Take(lines.Count - prefix - suffix).ToArray();

    private static void AddMiddle(List<DiffLine> lines, string[] before, string[] after)
    {
        if ((long)(before.Length + 1) * (after.Length + 1) > MaxTableCells)
        {
            lines.AddRange(before.Select(line => new DiffLine(DiffLineKind.Removed, line)));
            lines.AddRange(after.Select(line => new DiffLine(DiffLineKind.Added, line)));
            return;
        }

        // common[i, j]: the length of the longest common subsequence of before[i..] and after[j..].
        var common = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                common[i, j] = before[i] == after[j]
                    ? common[i + 1, j + 1] + 1
                    : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var (b, a) = (0, 0);
        while (b < before.Length || a < after.Length)
        {
            if (b < before.Length && a < after.Length && before[b] == after[a])
            {
                lines.Add(new DiffLine(DiffLineKind.Unchanged, before[b]));
                (b, a) = (b + 1, a + 1);
            }
            else if (b < before.Length && (a == after.Length || common[b + 1, a] >= common[b, a + 1]))
            {
                // Removals before additions, as diff tools print a replaced block.
                lines.Add(new DiffLine(DiffLineKind.Removed, before[b]));
                b++;
            }
            else
            {
                lines.Add(new DiffLine(DiffLineKind.Added, after[a]));
                a++;
            }
        }
    }
}
