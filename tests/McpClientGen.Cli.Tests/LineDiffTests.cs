using McpClientGen.Cli.Drift;

namespace McpClientGen.Cli.Tests;

/// <summary>The line diff behind <c>check</c>'s report: minimal, and always a faithful account of both texts.</summary>
public sealed class LineDiffTests
{
    [Fact]
    public void Equal_texts_are_all_unchanged()
    {
        var diff = LineDiff.Compute(["a", "b"], ["a", "b"]);

        Assert.All(diff, line => Assert.Equal(DiffLineKind.Unchanged, line.Kind));
    }

    [Fact]
    public void A_replaced_line_is_removed_then_added_between_its_neighbours()
    {
        var diff = LineDiff.Compute(["{", "  \"type\": \"string\"", "}"], ["{", "  \"type\": \"integer\"", "}"]);

        Assert.Equal(
            [
                new DiffLine(DiffLineKind.Unchanged, "{"),
                new DiffLine(DiffLineKind.Removed, "  \"type\": \"string\""),
                new DiffLine(DiffLineKind.Added, "  \"type\": \"integer\""),
                new DiffLine(DiffLineKind.Unchanged, "}"),
            ],
            diff);
    }

    [Fact]
    public void Insertions_and_deletions_keep_the_common_lines()
    {
        var diff = LineDiff.Compute(["a", "b", "c", "d"], ["a", "c", "x", "d"]);

        Assert.Equal("a -b c +x d", Render(diff));
    }

    [Fact]
    public void Lines_against_nothing_are_all_added()
    {
        var diff = LineDiff.Compute([], ["a", "b"]);

        Assert.Equal("+a +b", Render(diff));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Any_diff_replays_to_both_texts_and_keeps_a_longest_common_subsequence(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var before = RandomLines(random);
            var after = RandomLines(random);

            var diff = LineDiff.Compute(before, after);

            Assert.Equal(before, diff.Where(line => line.Kind != DiffLineKind.Added).Select(line => line.Text));
            Assert.Equal(after, diff.Where(line => line.Kind != DiffLineKind.Removed).Select(line => line.Text));
            Assert.Equal(LongestCommonSubsequence(before, after), diff.Count(line => line.Kind == DiffLineKind.Unchanged));
        }
    }

    [Fact]
    public void Texts_too_large_for_the_table_are_shown_as_replaced_around_their_common_ends()
    {
        var before = Enumerable.Range(0, 3000).Select(i => $"b{i}").Prepend("head").Append("tail").ToArray();
        var after = Enumerable.Range(0, 3000).Select(i => $"a{i}").Prepend("head").Append("tail").ToArray();

        var diff = LineDiff.Compute(before, after);

        Assert.Equal(new DiffLine(DiffLineKind.Unchanged, "head"), diff[0]);
        Assert.Equal(new DiffLine(DiffLineKind.Unchanged, "tail"), diff[^1]);
        Assert.Equal(3000, diff.Count(line => line.Kind == DiffLineKind.Removed));
        Assert.Equal(3000, diff.Count(line => line.Kind == DiffLineKind.Added));
    }

    private static string[] RandomLines(Random random) =>
        Enumerable.Range(0, random.Next(0, 12)).Select(_ => ((char)('a' + random.Next(0, 4))).ToString()).ToArray();

    private static int LongestCommonSubsequence(string[] a, string[] b)
    {
        var lengths = new int[a.Length + 1][];
        for (var i = 0; i <= a.Length; i++)
        {
            lengths[i] = new int[b.Length + 1];
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                lengths[i][j] = a[i - 1] == b[j - 1] ? lengths[i - 1][j - 1] + 1 : Math.Max(lengths[i - 1][j], lengths[i][j - 1]);
            }
        }

        return lengths[a.Length][b.Length];
    }

    private static string Render(IEnumerable<DiffLine> diff) => string.Join(' ', diff.Select(line => line.Kind switch
    {
        DiffLineKind.Removed => "-" + line.Text,
        DiffLineKind.Added => "+" + line.Text,
        _ => line.Text,
    }));
}
