using System.IO.Compression;
using System.Xml.Linq;
using McpClientGen.Testing;

namespace McpClientGen.PackageTests;

/// <summary>
/// The README's way to get both packages before they are published, run line by line as written: pack them into a
/// folder feed from the clone, add McpClientGen to a new console project from it, install the CLI as a global and as a
/// local tool, and run it. The project then builds a client and the packed CLI carries its own readme.
/// </summary>
/// <remarks>
/// In the collection of <see cref="PackedPackage"/> because both pack the repository's projects in Release. The
/// README's <c>~</c> is a temporary home (also the .NET CLI's, so global tools land there), and the consumer restores
/// into a package folder of its own whose fallback shows every package of the machine but McpClientGen's, so a stale
/// McpClientGen of the same version in the machine's cache cannot stand in for the one just packed.
/// </remarks>
[Collection(PackedPackageCollection.Name)]
public sealed class LocalFeedInstallTests
{
    private const string CloneMarker = "# in a clone of this repository";
    private const string ProjectMarker = "# in your project";

    [Fact]
    public async Task Readme_commands_pack_both_packages_into_a_folder_and_install_them_from_it()
    {
        var commands = ReadmeCommands();
        using var workspace = await ConsumerWorkspace.CreateAsync("mcpgen-local-feed-");
        await workspace.ConfigureNuGetAsync(feed: null, workspace.CreateFallbackWithoutMcpClientGen());
        var home = Directory.CreateDirectory(Path.Combine(workspace.Root, "home")).FullName;
        var consumerEnvironment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = workspace.PackagesFolder, ["DOTNET_CLI_HOME"] = home };
        var project = Path.Combine(workspace.Root, "Consumer");
        await DotNetCli.RunAsync(workspace.Root, consumerEnvironment, "new", "console", "--name", "Consumer", "--output", project).SucceedAsync();

        var toolOutputs = new List<CommandResult>();
        var inClone = false;
        foreach (var line in commands)
        {
            if (line.StartsWith('#'))
            {
                inClone = line.StartsWith(CloneMarker, StringComparison.Ordinal) || (inClone && !line.StartsWith(ProjectMarker, StringComparison.Ordinal));
                continue;
            }

            var words = line.Split('#')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(word => word.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, word[2..]) : word)
                .ToArray();
            var result = (words[0], inClone) switch
            {
                // The clone is built as a user's is, with the machine's own package folder and sources.
                ("dotnet", true) => await DotNetCli.RunAsync(RepositoryPaths.Root, new Dictionary<string, string>(), words[1..]),
                ("dotnet", false) => await DotNetCli.RunAsync(project, consumerEnvironment, words[1..]),
                ("mcpgen", false) => await DotNetCli.RunProgramAsync(Path.Combine(home, ".dotnet", "tools", "mcpgen"), project, consumerEnvironment, words[1..]),
                _ => throw new InvalidOperationException($"The test does not know how to run `{line}` (in the clone: {inClone})."),
            };
            Assert.True(result.Succeeded, $"The README's command failed:\n{result}");
            if (words.Contains("mcpgen"))
            {
                toolOutputs.Add(result);
            }
        }

        var feed = Path.Combine(home, "mcpclientgen-feed");
        var version = Path.GetFileNameWithoutExtension(Assert.Single(Directory.GetFiles(feed, "McpClientGen.Cli.*.nupkg")))["McpClientGen.Cli.".Length..];
        Assert.True(File.Exists(Path.Combine(feed, $"McpClientGen.{version}.nupkg")), $"The feed has no McpClientGen {version}.");

        // Both tools ran: the global one and `dotnet mcpgen` from the manifest, each printing the packed version.
        Assert.Equal(2, toolOutputs.Count);
        Assert.All(toolOutputs, run => Assert.StartsWith($"{version}+", run.Output.Trim(), StringComparison.Ordinal));
        var manifest = Assert.Single(Directory.GetFiles(project, "dotnet-tools.json", SearchOption.AllDirectories));
        Assert.Contains("\"mcpclientgen.cli\"", await File.ReadAllTextAsync(manifest), StringComparison.Ordinal);

        // The added package generates a client from a snapshot in schemas/.
        Assert.True(Directory.Exists(Path.Combine(workspace.PackagesFolder, "mcpclientgen", version)), "McpClientGen was not restored from the feed into the consumer's package folder.");
        workspace.CreateProject("Consumer", new Dictionary<string, string>
        {
            ["schemas/demo.mcp.json"] = await File.ReadAllTextAsync(RepositoryPaths.Combine("schemas", "demo.mcp.json")),
            ["IDemoClient.cs"] = """
                namespace Consumer;

                [McpClientGen.McpClient("demo")]
                public partial interface IDemoClient;
                """,
            ["Program.cs"] = """
                using Consumer;

                Console.WriteLine($"{nameof(DemoClient)}.{nameof(IDemoClient.GetWeatherAsync)}");
                """,
        });
        await DotNetCli.RunAsync(project, consumerEnvironment, "build", "-p:TreatWarningsAsErrors=true").SucceedAsync();
        var run = await DotNetCli.RunAsync(project, consumerEnvironment, "run", "--no-build").SucceedAsync();
        Assert.Equal("DemoClient.GetWeatherAsync", run.Output.Trim());

        AssertReadme(Path.Combine(feed, $"McpClientGen.Cli.{version}.nupkg"), RepositoryPaths.Combine("src", "McpClientGen.Cli", "README.md"));
        AssertReadme(Path.Combine(feed, $"McpClientGen.{version}.nupkg"), RepositoryPaths.Combine("README.md"));
    }

    /// <summary>The lines of the README's code block that packs the packages, in order.</summary>
    private static List<string> ReadmeCommands()
    {
        var readme = Markdown.Read(RepositoryPaths.Combine("README.md"));
        var block = Assert.Single(readme.CodeBlocks, block => block.Contains(CloneMarker, StringComparison.Ordinal));
        var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        Assert.Contains(lines, line => line.StartsWith(ProjectMarker, StringComparison.Ordinal));
        return lines;
    }

    /// <summary>The package names its readme in the nuspec and carries the file, as it is in the repository.</summary>
    private static void AssertReadme(string package, string readme)
    {
        using var archive = ZipFile.OpenRead(package);
        using (var nuspec = archive.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open())
        {
            var named = XDocument.Load(nuspec).Descendants().Single(element => element.Name.LocalName == "readme").Value;
            Assert.Equal("README.md", named);
        }

        using var packed = new StreamReader(Assert.Single(archive.Entries, entry => entry.FullName == "README.md").Open());
        Assert.Equal(File.ReadAllText(readme), packed.ReadToEnd());
    }
}
