namespace McpClientGen;

/// <summary>Space-separated OAuth scope lists, compared and merged as sets, written sorted.</summary>
internal static class ScopeSet
{
    public static IEnumerable<string> Split(string? scopes) =>
        (scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether every scope of <paramref name="required"/> is in <paramref name="held"/>.</summary>
    public static bool Contains(string? held, string? required) => !Split(required).Except(Split(held), StringComparer.Ordinal).Any();

    /// <summary>Both lists as one, sorted and without repeats.</summary>
    public static string Union(string? first, string? second) =>
        string.Join(" ", Split(first).Concat(Split(second)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
