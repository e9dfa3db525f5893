using System.Collections.Generic;
using System.Globalization;

namespace McpClientGen.Generator.Common;

/// <summary>Deterministic collision handling: the first comer keeps a name, later ones get 2, 3, ...</summary>
internal static class UniqueNames
{
    public static string Reserve(HashSet<string> used, string preferred) => Reserve(used.Add, preferred);

    /// <summary>Takes <paramref name="preferred"/>, or the first of <c>preferred2</c>, <c>preferred3</c>, ... that <paramref name="tryAdd"/> accepts.</summary>
    public static string Reserve(System.Func<string, bool> tryAdd, string preferred)
    {
        var candidate = preferred;
        for (var suffix = 2; !tryAdd(candidate); suffix++)
        {
            candidate = preferred + suffix.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
