using System.Reflection;
using McpClientGen.Testing;

namespace McpClientGen.PackageTests;

/// <summary>
/// A temporary folder outside the repository where consumer projects live, as a user's would. The repository's
/// Directory.Build.props, Directory.Packages.props and global.json do not reach it; empty guards stop any such file
/// above it too. Its own NuGet.config names the package sources and a fallback folder for McpClientGen's
/// dependencies, and consumers extract packages into its own folder (NUGET_PACKAGES), so the machine's cache is
/// untouched and workspaces can be used in parallel.
/// </summary>
public sealed class ConsumerWorkspace : IDisposable
{
    /// <summary>This machine's global packages folder, where the repository's restore put every dependency.</summary>
    public static string MachinePackagesFolder { get; } = typeof(ConsumerWorkspace).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "NuGetPackageRoot").Value!;

    private ConsumerWorkspace(string root) => Root = root;

    /// <summary>The workspace's folder.</summary>
    public string Root { get; }

    /// <summary>Where the consumers' restores extract packages.</summary>
    public string PackagesFolder => Path.Combine(Root, "packages");

    /// <summary>Creates the folder with its guards; <see cref="ConfigureNuGetAsync"/> then names its package sources.</summary>
    public static async Task<ConsumerWorkspace> CreateAsync(string prefix)
    {
        var workspace = new ConsumerWorkspace(Directory.CreateTempSubdirectory(prefix).FullName);
        Assert.False(
            workspace.Root.StartsWith(RepositoryPaths.Root, StringComparison.Ordinal),
            $"The consumer workspace {workspace.Root} must be outside the repository {RepositoryPaths.Root}.");

        foreach (var guard in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            await File.WriteAllTextAsync(Path.Combine(workspace.Root, guard), "<Project />\n");
        }

        return workspace;
    }

    /// <summary>Writes the workspace's NuGet.config: <paramref name="feed"/> as a source, if any, and a fallback folder.</summary>
    public Task ConfigureNuGetAsync(string? feed, string fallbackPackagesFolder)
    {
        // No <clear />: the machine's own package sources stay, for any dependency the fallback folder lacks.
        var source = feed is null ? "" : $"""<add key="mcpclientgen-test-feed" value="{feed}" />""";
        return File.WriteAllTextAsync(Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                {source}
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{fallbackPackagesFolder}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    /// <summary>
    /// A folder that shows every package of the machine's packages folder except McpClientGen's own, so that a restore
    /// takes those only from the feed under test even when the machine's cache holds a stale build of the same version.
    /// </summary>
    public string CreateFallbackWithoutMcpClientGen()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root, "machine-packages-but-ours")).FullName;
        foreach (var package in Directory.GetDirectories(MachinePackagesFolder))
        {
            var id = Path.GetFileName(package);
            if (id is not ("mcpclientgen" or "mcpclientgen.cli"))
            {
                Directory.CreateSymbolicLink(Path.Combine(folder, id), package);
            }
        }

        return folder;
    }

    /// <summary>Runs <c>dotnet</c> in a directory of the workspace, with the workspace's package folder.</summary>
    public Task<CommandResult> DotNetAsync(string workingDirectory, params string[] arguments) =>
        DotNetCli.RunAsync(workingDirectory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesFolder }, arguments);

    /// <summary>Writes a project's files into a new directory of the workspace and returns the directory.</summary>
    public string CreateProject(string name, IReadOnlyDictionary<string, string> files)
    {
        var directory = Path.Combine(Root, name);
        foreach (var (path, text) in files)
        {
            var fullPath = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            File.WriteAllText(fullPath, text);
        }

        return directory;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
