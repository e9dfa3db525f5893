using McpClientGen.Testing;

namespace McpClientGen.PackageTests;

/// <summary>
/// The McpClientGen package and the McpClientGen.Redis package beside it, packed once for the whole collection with a
/// version that no package cache has seen, and a <see cref="PackageTests.ConsumerWorkspace"/> where consumer projects restore it from a temporary feed, falling
/// back to this machine's global packages folder for McpClientGen's dependencies.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    private ConsumerWorkspace? _workspace;

    /// <summary>The workspace: guards, NuGet.config, the feed, the package folder and the consumer projects.</summary>
    public ConsumerWorkspace ConsumerWorkspace => _workspace ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>The workspace's folder.</summary>
    public string Workspace => ConsumerWorkspace.Root;

    /// <summary>The packed <c>.nupkg</c>.</summary>
    public string PackagePath { get; private set; } = "";

    /// <summary>The packed McpClientGen.Redis <c>.nupkg</c>, of the same version.</summary>
    public string RedisPackagePath { get; private set; } = "";

    /// <summary>The package's version, e.g. <c>0.1.0-test.3f2c…</c>.</summary>
    public string Version { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _workspace = await ConsumerWorkspace.CreateAsync("mcpgen-package-");

        // Only the package's version is unique: the assemblies keep the repository's version, so an unchanged
        // Release build is reused rather than compiled again for every run.
        var project = RepositoryPaths.Combine("src", "McpClientGen", "McpClientGen.csproj");
        var noEnvironment = new Dictionary<string, string>();
        var version = await DotNetCli.RunAsync(RepositoryPaths.Root, noEnvironment, "msbuild", project, "-getProperty:Version");
        Assert.True(version.Succeeded, version.ToString());
        Version = $"{version.Output.Trim()}-test.{Guid.NewGuid():N}";

        var feed = Path.Combine(Workspace, "feed");
        PackagePath = await PackAsync(project, "McpClientGen", feed);
        RedisPackagePath = await PackAsync(RepositoryPaths.Combine("src", "McpClientGen.Redis", "McpClientGen.Redis.csproj"), "McpClientGen.Redis", feed);

        await ConsumerWorkspace.ConfigureNuGetAsync(feed, ConsumerWorkspace.MachinePackagesFolder);
    }

    private async Task<string> PackAsync(string project, string id, string feed)
    {
        var pack = await DotNetCli.RunAsync(
            RepositoryPaths.Root, new Dictionary<string, string>(), "pack", project, "--configuration", "Release", "--output", feed, $"-p:PackageVersion={Version}");
        Assert.True(pack.Succeeded, pack.ToString());
        var path = Path.Combine(feed, $"{id}.{Version}.nupkg");
        Assert.True(File.Exists(path), $"`dotnet pack` made no {Path.GetFileName(path)}.\n{pack}");
        return path;
    }

    public Task DisposeAsync()
    {
        _workspace?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Runs <c>dotnet</c> in a directory of the workspace, with the workspace's package folder.</summary>
    public Task<CommandResult> DotNetAsync(string workingDirectory, params string[] arguments) =>
        ConsumerWorkspace.DotNetAsync(workingDirectory, arguments);

    /// <summary>Writes a project's files into a new directory of the workspace and returns the directory.</summary>
    public string CreateProject(string name, IReadOnlyDictionary<string, string> files) => ConsumerWorkspace.CreateProject(name, files);
}

[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed package";
}
