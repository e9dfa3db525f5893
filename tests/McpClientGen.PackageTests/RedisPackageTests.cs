namespace McpClientGen.PackageTests;

/// <summary>
/// McpClientGen.Redis ships beside the core package, as Microsoft.Extensions.Caching.StackExchangeRedis sits beside the
/// caching abstractions: it carries the Redis dependencies, and the core package carries none of them.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class RedisPackageTests(PackedPackage package)
{
    [Fact]
    public void Redis_package_holds_its_runtime_and_depends_on_the_core_package_of_its_own_version()
    {
        using var nupkg = new Nupkg(package.RedisPackagePath);
        Assert.Equal(
            [
                "McpClientGen.Redis.nuspec",
                "README.md",
                "lib/net10.0/McpClientGen.Redis.dll",
                "lib/net10.0/McpClientGen.Redis.xml",
                "lib/net8.0/McpClientGen.Redis.dll",
                "lib/net8.0/McpClientGen.Redis.xml",
            ],
            nupkg.Files);

        Assert.Equal("McpClientGen.Redis", nupkg.Value("id"));
        Assert.Equal(package.Version, nupkg.Value("version"));
        Assert.Equal("README.md", nupkg.Value("readme"));
        Assert.Contains("Redis", nupkg.Value("description"), StringComparison.Ordinal);
        var groups = nupkg.DependencyGroups;
        Assert.Equal(["net10.0", "net8.0"], groups.Keys.Order(StringComparer.Ordinal));
        foreach (var dependencies in groups.Values)
        {
            Assert.Equal(
                ["McpClientGen", "Microsoft.AspNetCore.DataProtection", "StackExchange.Redis", "System.IO.Hashing"],
                dependencies.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(package.Version, dependencies["McpClientGen"]);
        }
    }

    [Fact]
    public void Core_package_has_no_Redis_or_Data_Protection_dependency_or_reference()
    {
        using var nupkg = new Nupkg(package.PackagePath);
        var dependencies = nupkg.DependencyGroups.Values.SelectMany(group => group.Keys).ToList();
        Assert.NotEmpty(dependencies);
        Assert.DoesNotContain(dependencies, IsRedisOrDataProtection);

        foreach (var runtime in new[] { "lib/net8.0/McpClientGen.dll", "lib/net10.0/McpClientGen.dll" })
        {
            var references = nupkg.AssemblyReferences(runtime).Select(reference => reference.Name!).ToList();
            Assert.Contains("ModelContextProtocol.Core", references);
            Assert.DoesNotContain(references, IsRedisOrDataProtection);
        }
    }

    [Fact]
    public async Task Console_project_restores_the_Redis_package_from_the_feed_and_runs_its_one_line_setup()
    {
        var project = Path.Combine(package.Workspace, "RedisConsumer");
        await package.DotNetAsync(package.Workspace, "new", "console", "--name", "RedisConsumer", "--output", project, "--no-restore").SucceedAsync();
        await package.DotNetAsync(project, "add", "package", "McpClientGen.Redis", "--version", package.Version).SucceedAsync();
        await package.DotNetAsync(project, "add", "package", "Microsoft.Extensions.DependencyInjection", "--version", "10.0.15").SucceedAsync();

        // Nothing listens on port 1: the store must come up anyway, connecting in the background.
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), """
            using McpClientGen;
            using McpClientGen.Redis;
            using Microsoft.Extensions.DependencyInjection;

            var services = new ServiceCollection();
            services.AddMcpRedisTokenStore("127.0.0.1:1,connectTimeout=500");
            await using var provider = services.BuildServiceProvider();
            var store = provider.GetRequiredService<IMcpSharedTokenStore>();
            Console.WriteLine($"store: {store.GetType().FullName}");
            """);
        await package.DotNetAsync(project, "build", "-p:TreatWarningsAsErrors=true").SucceedAsync();
        var run = await package.DotNetAsync(project, "run", "--no-build").SucceedAsync();

        Assert.Contains("store: McpClientGen.Redis.RedisSharedTokenStore", run.Output, StringComparison.Ordinal);
    }

    private static bool IsRedisOrDataProtection(string name) =>
        name.Contains("Redis", StringComparison.OrdinalIgnoreCase) || name.Contains("DataProtection", StringComparison.OrdinalIgnoreCase);
}
