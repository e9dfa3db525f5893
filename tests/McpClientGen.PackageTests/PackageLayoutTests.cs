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
        using var nupkg = new Nupkg(package.PackagePath);
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
            nupkg.Files);
    }

    [Fact]
    public void Nuspec_names_the_package_and_only_the_runtime_dependencies()
    {
        using var nupkg = new Nupkg(package.PackagePath);

        Assert.Equal("McpClientGen", nupkg.Value("id"));
        Assert.Equal(package.Version, nupkg.Value("version"));
        Assert.Equal("README.md", nupkg.Value("readme"));
        var license = nupkg.Metadata.Elements().Single(element => element.Name.LocalName == "license");
        Assert.Equal(("expression", "MIT"), (license.Attribute("type")?.Value, license.Value));
        Assert.False(string.IsNullOrWhiteSpace(nupkg.Value("description")));

        var groups = nupkg.DependencyGroups;
        Assert.Equal(["net10.0", "net8.0"], groups.Keys.Order(StringComparer.Ordinal));
        foreach (var dependencies in groups.Values)
        {
            // The generator and its Roslyn references are inside the package, never a dependency of the consumer.
            Assert.Equal(
                ["Microsoft.Extensions.Http", "Microsoft.Extensions.Http.Resilience", "Microsoft.Extensions.Options.ConfigurationExtensions", "Microsoft.IdentityModel.JsonWebTokens", "ModelContextProtocol"],
                dependencies.Keys.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Generator_references_only_the_compiler_or_assemblies_packed_beside_it()
    {
        using var nupkg = new Nupkg(package.PackagePath);
        var packedBeside = nupkg.Files
            .Where(file => file.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && file.EndsWith(".dll", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .ToHashSet(StringComparer.Ordinal);

        var problems = new List<string>();
        foreach (var reference in nupkg.AssemblyReferences(Generator))
        {
            var name = reference.Name!;
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
