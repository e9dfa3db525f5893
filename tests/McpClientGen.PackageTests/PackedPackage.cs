using System.Reflection;
using McpClientGen.Testing;

namespace McpClientGen.PackageTests;

/// <summary>
/// The McpClientGen package, packed once for the whole collection with a version that no package cache has seen,
/// and a workspace outside the repository where consumer projects restore it from a temporary feed. The repository's
/// Directory.Build.props, Directory.Packages.props and global.json do not reach the workspace; empty guards stop any
/// such file above it too. Consumers extract packages into the workspace's own folder (NUGET_PACKAGES), falling
/// back to this machine's global packages folder for McpClientGen's dependencies, so the machine's cache is untouched.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    private static readonly string MachinePackagesFolder = typeof(PackedPackage).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "NuGetPackageRoot").Value!;

    private DirectoryInfo? _workspace;

    /// <summary>The workspace: guards, NuGet.config, the feed, the package folder and the consumer projects.</summary>
    public string Workspace => _workspace?.FullName ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>The packed <c>.nupkg</c>.</summary>
    public string PackagePath { get; private set; } = "";

    /// <summary>The package's version, e.g. <c>0.1.0-test.3f2c…</c>.</summary>
    public string Version { get; private set; } = "";

    /// <summary>Where the consumers' restores extract packages.</summary>
    public string PackagesFolder => Path.Combine(Workspace, "packages");

    public async Task InitializeAsync()
    {
        _workspace = Directory.CreateTempSubdirectory("mcpgen-package-");
        Assert.False(
            Workspace.StartsWith(RepositoryPaths.Root, StringComparison.Ordinal),
            $"The consumer workspace {Workspace} must be outside the repository {RepositoryPaths.Root}.");

        // Only the package's version is unique: the assemblies keep the repository's version, so an unchanged
        // Release build is reused rather than compiled again for every run.
        var project = RepositoryPaths.Combine("src", "McpClientGen", "McpClientGen.csproj");
        var noEnvironment = new Dictionary<string, string>();
        var version = await DotNetCli.RunAsync(RepositoryPaths.Root, noEnvironment, "msbuild", project, "-getProperty:Version");
        Assert.True(version.Succeeded, version.ToString());
        Version = $"{version.Output.Trim()}-test.{Guid.NewGuid():N}";

        var feed = Path.Combine(Workspace, "feed");
        var pack = await DotNetCli.RunAsync(
            RepositoryPaths.Root, noEnvironment, "pack", project, "--configuration", "Release", "--output", feed, $"-p:PackageVersion={Version}");
        Assert.True(pack.Succeeded, pack.ToString());
        PackagePath = Assert.Single(Directory.GetFiles(feed, "*.nupkg"));
        Assert.Equal($"McpClientGen.{Version}.nupkg", Path.GetFileName(PackagePath));

        foreach (var guard in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            await File.WriteAllTextAsync(Path.Combine(Workspace, guard), "<Project />\n");
        }

        // No <clear />: the machine's own package sources stay, for any dependency the fallback folder lacks.
        await File.WriteAllTextAsync(Path.Combine(Workspace, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="mcpclientgen-test-feed" value="{feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{MachinePackagesFolder}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    public Task DisposeAsync()
    {
        _workspace?.Delete(recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Runs <c>dotnet</c> in a directory of the workspace, with the workspace's package folder.</summary>
    public Task<CommandResult> DotNetAsync(string workingDirectory, params string[] arguments) =>
        DotNetCli.RunAsync(workingDirectory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesFolder }, arguments);

    /// <summary>Writes a project's files into a new directory of the workspace and returns the directory.</summary>
    public string CreateProject(string name, IReadOnlyDictionary<string, string> files)
    {
        var directory = Path.Combine(Workspace, name);
        foreach (var (path, text) in files)
        {
            var fullPath = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            File.WriteAllText(fullPath, text);
        }

        return directory;
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed package";
}
