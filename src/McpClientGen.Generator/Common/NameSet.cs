using System.Collections.Generic;

namespace McpClientGen.Generator.Common;

/// <summary>
/// A set of names that remembers the order names were added in, so everything added since a <see cref="Mark"/> can be
/// taken back in time proportional to what was added, not to the size of the set.
/// </summary>
internal sealed class NameSet
{
    private readonly HashSet<string> _names;
    private readonly List<string> _added = new();

    public NameSet(IEnumerable<string>? initial = null) =>
        _names = initial is null ? new(System.StringComparer.Ordinal) : new(initial, System.StringComparer.Ordinal);

    /// <summary>The position to <see cref="RollBack"/> to.</summary>
    public int Mark => _added.Count;

    /// <summary>Adds <paramref name="name"/>; <see langword="false"/> when it was already taken.</summary>
    public bool Add(string name)
    {
        if (!_names.Add(name))
        {
            return false;
        }

        _added.Add(name);
        return true;
    }

    /// <summary>Removes every name added since <paramref name="mark"/>.</summary>
    public void RollBack(int mark)
    {
        for (var i = _added.Count - 1; i >= mark; i--)
        {
            _names.Remove(_added[i]);
        }

        _added.RemoveRange(mark, _added.Count - mark);
    }
}
