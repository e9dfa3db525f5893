using System;
using System.Collections.Generic;
using System.Linq;

namespace McpClientGen.Generator.Binding;

/// <summary>What MCPGEN001 says besides the name: the snapshots there are, and the one most likely meant.</summary>
internal static class MissingSnapshot
{
    /// <summary>How many names the message lists; a project with more is told how many it left out.</summary>
    private const int Listed = 10;

    public static string Found(string wanted, IEnumerable<string> snapshotNames)
    {
        var names = snapshotNames.Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(name => name, StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return "no snapshot was found at all";
        }

        var listed = string.Join(", ", names.Take(Listed)) + (names.Count > Listed ? $" and {names.Count - Listed} more" : "");
        return Closest(wanted, names) is { } closest
            ? $"did you mean '{closest}'? The snapshots found are: {listed}"
            : $"the snapshots found are: {listed}";
    }

    /// <summary>
    /// The name at the smallest edit distance (ignoring case), if it is close enough to be a typo: at most a third of
    /// the longer name's letters, and at least one. Ties go to the first in ordinal order.
    /// </summary>
    private static string? Closest(string wanted, List<string> names) =>
        names
            .Select(name => (Name: name, Distance: Distance(wanted.ToLowerInvariant(), name.ToLowerInvariant())))
            .Where(candidate => candidate.Distance <= Math.Max(1, Math.Max(wanted.Length, candidate.Name.Length) / 3))
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Name)
            .FirstOrDefault();

    /// <summary>Levenshtein distance: the fewest inserted, deleted or replaced characters that turn one into the other.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var replace = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(replace, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
