using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace McpClientGen.PackageTests;

/// <summary>What the one McpClientGen package carries, read from the packed <c>.nupkg</c>.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class PackageLayoutTests(PackedPackage package)
{
    private const string Generator = "analyzers/dotnet/cs/McpClientGen.Generator.dll";

    /// <summary>
    /// What the C# compiler itself loads, at the versions Roslyn 4.8 (the oldest compiler the package supports) is built
    /// against: a generator may use these without packing them. Anything else it references must be packed beside it.
    /// </summary>
    private static readonly Dictionary<string, Version> CompilerAssemblies = new(StringComparer.Ordinal)
    {
        ["netstandard"] = new(2, 0, 0, 0),
        ["Microsoft.CodeAnalysis"] = new(4, 8, 0, 0),
        ["Microsoft.CodeAnalysis.CSharp"] = new(4, 8, 0, 0),
        ["System.Collections.Immutable"] = new(7, 0, 0, 0),
        ["System.Reflection.Metadata"] = new(7, 0, 0, 0),
        ["System.Text.Encoding.CodePages"] = new(7, 0, 0, 0),
        ["System.Memory"] = new(4, 0, 1, 2),
        ["System.Buffers"] = new(4, 0, 3, 0),
        ["System.Numerics.Vectors"] = new(4, 1, 3, 0),
        ["System.Runtime.CompilerServices.Unsafe"] = new(6, 0, 0, 0),
        ["System.Threading.Tasks.Extensions"] = new(4, 2, 0, 1),
    };

    [Fact]
    public void Package_holds_the_runtime_the_generator_and_the_build_logic()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var files = archive.Entries
            .Select(entry => entry.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal)
                && !name.StartsWith("package/", StringComparison.Ordinal)
                && name != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            [
                "McpClientGen.nuspec",
                "README.md",
                Generator,
                "buildTransitive/McpClientGen.props",
                "buildTransitive/McpClientGen.targets",
                "lib/net10.0/McpClientGen.dll",
                "lib/net10.0/McpClientGen.xml",
                "lib/net8.0/McpClientGen.dll",
                "lib/net8.0/McpClientGen.xml",
            ],
            files);
    }

    [Fact]
    public void Nuspec_names_the_package_and_only_the_runtime_dependencies()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var stream = archive.GetEntry("McpClientGen.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(element => element.Name.LocalName == name).Value;

        Assert.Equal("McpClientGen", Value("id"));
        Assert.Equal(package.Version, Value("version"));
        Assert.Equal("README.md", Value("readme"));
        var license = metadata.Elements().Single(element => element.Name.LocalName == "license");
        Assert.Equal(("expression", "MIT"), (license.Attribute("type")?.Value, license.Value));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));

        var groups = metadata.Descendants().Where(element => element.Name.LocalName == "group").ToList();
        Assert.Equal(["net10.0", "net8.0"], groups.Select(group => group.Attribute("targetFramework")!.Value).Order(StringComparer.Ordinal));
        foreach (var group in groups)
        {
            // The generator and its Roslyn references are inside the package, never a dependency of the consumer.
            var dependencies = group.Elements().Select(dependency => dependency.Attribute("id")!.Value).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(
                ["Microsoft.Extensions.Http", "Microsoft.Extensions.Http.Resilience", "Microsoft.Extensions.Options.ConfigurationExtensions", "Microsoft.IdentityModel.JsonWebTokens", "ModelContextProtocol"],
                dependencies);
        }
    }

    [Fact]
    public void Generator_references_only_the_compiler_or_assemblies_packed_beside_it()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var packedBeside = archive.Entries
            .Where(entry => entry.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && entry.FullName.EndsWith(".dll", StringComparison.Ordinal))
            .Select(entry => Path.GetFileNameWithoutExtension(entry.Name))
            .ToHashSet(StringComparer.Ordinal);

        using var generator = new MemoryStream();
        using (var entry = archive.GetEntry(Generator)!.Open())
        {
            entry.CopyTo(generator);
        }

        generator.Position = 0;
        using var reader = new PEReader(generator);
        var metadata = reader.GetMetadataReader();
        var problems = new List<string>();
        foreach (var handle in metadata.AssemblyReferences)
        {
            var reference = metadata.GetAssemblyReference(handle);
            var name = metadata.GetString(reference.Name);
            if (packedBeside.Contains(name))
            {
                continue;
            }

            if (!CompilerAssemblies.TryGetValue(name, out var shipped))
            {
                problems.Add($"{name} {reference.Version} is neither part of the compiler nor packed in analyzers/dotnet/cs");
            }
            else if (reference.Version > shipped)
            {
                problems.Add($"{name} {reference.Version} is newer than the {shipped} that Roslyn 4.8 loads");
            }
        }

        Assert.True(problems.Count == 0, $"The packed generator would not load in every supported compiler:\n{string.Join("\n", problems)}");
    }
}
