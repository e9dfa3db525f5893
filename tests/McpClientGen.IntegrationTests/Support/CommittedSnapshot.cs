using McpClientGen.Testing;

namespace McpClientGen.IntegrationTests.Support;

/// <summary>
/// A snapshot the repository commits, compared with what the live server lists now. With
/// <c>MCPGEN_UPDATE_SNAPSHOTS=1</c> a differing file is rewritten and the test still fails, so an update is never taken
/// for a pass; under <c>CI=true</c> nothing is rewritten.
/// </summary>
internal static class CommittedSnapshot
{
    public static async Task AssertMatchesAsync(string relativePath, string live)
    {
        var path = RepositoryPaths.Combine(relativePath);
        var committed = File.Exists(path) ? await File.ReadAllTextAsync(path) : null;
        if (committed == live)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("MCPGEN_UPDATE_SNAPSHOTS") != "1")
        {
            Assert.Fail(
                $"{relativePath} differs from what the server lists. If the change is intended, run this test with " +
                $"MCPGEN_UPDATE_SNAPSHOTS=1, review the diff and commit the file.\n--- live ---\n{live}");
        }

        Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"{relativePath} differs, and CI never rewrites committed snapshots.");
        await File.WriteAllTextAsync(path, live);
        Assert.Fail($"{relativePath} was rewritten from the live server: review the diff, commit it and run the test again.");
    }
}
