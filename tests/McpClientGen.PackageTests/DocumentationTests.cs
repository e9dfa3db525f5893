using McpClientGen.Testing;

namespace McpClientGen.PackageTests;

/// <summary>The README is a short quick start, and every relative link in it and in docs/ leads somewhere.</summary>
public sealed class DocumentationTests
{
    public static TheoryData<string> Documents()
    {
        var documents = new TheoryData<string> { "README.md" };
        foreach (var path in Directory.GetFiles(RepositoryPaths.Combine("docs"), "*.md").Order(StringComparer.Ordinal))
        {
            documents.Add(Path.GetRelativePath(RepositoryPaths.Root, path));
        }

        return documents;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_names_an_existing_file_and_heading(string document)
    {
        var markdown = Markdown.Read(RepositoryPaths.Combine(document));
        var broken = new List<string>();
        foreach (var target in markdown.LinkTargets.Where(target => !Uri.TryCreate(target, UriKind.Absolute, out _)))
        {
            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var file = hash < 0 ? target : target[..hash];
            var path = file.Length == 0 ? markdown.Path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(markdown.Path)!, file));
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                broken.Add($"{target}: no file {path}");
            }
            else if (hash >= 0 && !Markdown.Read(path).Anchors.Contains(target[(hash + 1)..]))
            {
                broken.Add($"{target}: no heading with that anchor in {Path.GetFileName(path)}");
            }
        }

        Assert.True(broken.Count == 0, $"Broken links in {document}:\n{string.Join("\n", broken)}");
    }

    [Fact]
    public void Readme_is_a_quick_start_with_the_two_commands()
    {
        var readme = Markdown.Read(RepositoryPaths.Combine("README.md"));

        Assert.True(readme.WordCount < 1_800, $"README.md has {readme.WordCount} words; reference material belongs in docs/.");
        // .ci/run runs these two exactly as the README gives them.
        Assert.Contains(readme.CodeBlocks, block => block.Contains("dotnet run --project samples/QuickStart", StringComparison.Ordinal));
        Assert.Contains(readme.CodeBlocks, block => block.Contains("dotnet test McpClientGen.sln", StringComparison.Ordinal));
    }
}
