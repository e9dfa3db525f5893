using McpClientGen.Generator.Common;

namespace McpClientGen.Generator.Tests;

/// <summary>
/// Enum values that differ only in punctuation get names that say how they differ, and values that do not clash
/// keep the names they always had.
/// </summary>
public sealed class SpelledNamesTests
{
    [Theory]
    [InlineData(new[] { "reactions", "reactions-+1", "reactions--1", "reactions-heart" }, new[] { "Reactions", "ReactionsPlus1", "ReactionsMinus1", "ReactionsHeart" })]
    [InlineData(new[] { "+1", "-1" }, new[] { "Plus1", "Minus1" })]
    [InlineData(new[] { "1", "+1", "-1" }, new[] { "_1", "Plus1", "Minus1" })]
    [InlineData(new[] { "a.b", "a_b", "c" }, new[] { "ADotB", "AUnderscoreB", "C" })]
    [InlineData(new[] { "in-progress", "in_progress", "done" }, new[] { "InDashProgress", "InUnderscoreProgress", "Done" })]
    [InlineData(new[] { "*", "", "any" }, new[] { "Star", "Empty", "Any" })]
    [InlineData(new[] { "item-1", "item--1" }, new[] { "Item1", "ItemMinus1" })]
    [InlineData(new[] { "asc", "desc", "created_at" }, new[] { "Asc", "Desc", "CreatedAt" })]
    public void Clashing_or_empty_values_are_spelled_and_the_others_keep_their_names(string[] values, string[] expected) =>
        Assert.Equal(expected, SpelledNames.For(values, "Value"));

    [Fact]
    public void Values_that_still_clash_are_left_equal_for_numbering() =>
        Assert.Equal(["AB", "AB"], SpelledNames.For(["A B", "a b"], "Value"));
}
