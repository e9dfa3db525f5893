using System.Collections.Generic;
using System.Globalization;

namespace McpClientGen.Generator.Common;

/// <summary>Deterministic collision handling: the first comer keeps a name, later ones get 2, 3, ...</summary>
internal static class UniqueNames
{
    public static string Reserve(HashSet<string> used, string preferred)
    {
        var candidate = preferred;
        for (var suffix = 2; !used.Add(candidate); suffix++)
        {
            candidate = preferred + suffix.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
