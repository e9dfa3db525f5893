using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

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
        using var archive = ZipFile.OpenRead(package.RedisPackagePath);
        Assert.Equal(
            [
                "McpClientGen.Redis.nuspec",
                "README.md",
                "lib/net10.0/McpClientGen.Redis.dll",
                "lib/net10.0/McpClientGen.Redis.xml",
                "lib/net8.0/McpClientGen.Redis.dll",
                "lib/net8.0/McpClientGen.Redis.xml",
            ],
            PackedFiles(archive));

        var metadata = Metadata(archive, "McpClientGen.Redis.nuspec");
        Assert.Equal("McpClientGen.Redis", Value(metadata, "id"));
        Assert.Equal(package.Version, Value(metadata, "version"));
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.Contains("Redis", Value(metadata, "description"), StringComparison.Ordinal);
        var groups = DependencyGroups(metadata);
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
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var dependencies = DependencyGroups(Metadata(archive, "McpClientGen.nuspec")).Values.SelectMany(group => group.Keys).ToList();
        Assert.NotEmpty(dependencies);
        Assert.DoesNotContain(dependencies, IsRedisOrDataProtection);

        foreach (var runtime in new[] { "lib/net8.0/McpClientGen.dll", "lib/net10.0/McpClientGen.dll" })
        {
            using var assembly = new MemoryStream();
            using (var entry = archive.GetEntry(runtime)!.Open())
            {
                entry.CopyTo(assembly);
            }

            assembly.Position = 0;
            using var reader = new PEReader(assembly);
            var metadata = reader.GetMetadataReader();
            var references = metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).ToList();
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

    private static List<string> PackedFiles(ZipArchive archive) =>
        [.. archive.Entries
            .Select(entry => entry.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal) && !name.StartsWith("package/", StringComparison.Ordinal) && name != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)];

    private static XElement Metadata(ZipArchive archive, string nuspec)
    {
        using var stream = archive.GetEntry(nuspec)!.Open();
        return XDocument.Load(stream).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
    }

    private static string Value(XElement metadata, string name) => metadata.Elements().Single(element => element.Name.LocalName == name).Value;

    /// <summary>Each target framework's dependencies: id → version.</summary>
    private static Dictionary<string, Dictionary<string, string>> DependencyGroups(XElement metadata) =>
        metadata.Descendants()
            .Where(element => element.Name.LocalName == "group")
            .ToDictionary(
                group => group.Attribute("targetFramework")!.Value,
                group => group.Elements().ToDictionary(dependency => dependency.Attribute("id")!.Value, dependency => dependency.Attribute("version")!.Value));
}
