using System.Text.Json;

namespace McpClientGen.PackageTests;

/// <summary>
/// The package's buildTransitive logic in real projects: which snapshots and overlays become AdditionalFiles, and the build errors
/// for a compiler too old for the generator (MCPGEN100) and for a project that is not C# (MCPGEN101).
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class BuildLogicTests(PackedPackage package)
{
    private const string EmptySnapshot = """{ "tools": [] }""";

    private const string EmptyOverlay = """{ "tools": {} }""";

    [Fact]
    public async Task Snapshots_under_schemas_and_their_overlays_are_additional_files_unless_the_project_says_otherwise()
    {
        // The project sets the package's properties itself, switched by properties of this test's own.
        var project = await CreateLibraryAsync("Snapshots", """
            <PropertyGroup>
              <McpClientGenSnapshots Condition="'$(UseContracts)' == 'true'">contracts/*.mcp.json</McpClientGenSnapshots>
              <EnableMcpClientGenSnapshots Condition="'$(NoDefaultSnapshots)' == 'true'">false</EnableMcpClientGenSnapshots>
            </PropertyGroup>
            <ItemGroup>
              <AdditionalFiles Include="$(ListedFiles)" Listed="true" />
              <AdditionalFiles Remove="$(RemovedFiles)" />
            </ItemGroup>
            """);

        Assert.Equal(["schemas/a.mcp.json", "schemas/a.overlay.json", "schemas/nested/b.mcp.json"], await AdditionalFilesAsync(project));
        // Listed by the project as well: one item, the project's own.
        Assert.Equal(
            ["./schemas/a.mcp.json (listed)", "schemas/a.overlay.json", "schemas/nested/b.mcp.json"],
            await AdditionalFilesAsync(project, "-p:ListedFiles=./schemas/a.mcp.json"));
        Assert.Equal(["schemas/a.mcp.json", "schemas/a.overlay.json"], await AdditionalFilesAsync(project, "-p:RemovedFiles=schemas/nested/b.mcp.json"));
        // Overlays are found by the snapshots' globs, so they follow the snapshots to another folder.
        Assert.Equal(["contracts/c.mcp.json", "contracts/c.overlay.json"], await AdditionalFilesAsync(project, "-p:UseContracts=true"));
        Assert.Empty(await AdditionalFilesAsync(project, "-p:NoDefaultSnapshots=true"));
        Assert.Equal(
            ["contracts/c.mcp.json (listed)"],
            await AdditionalFilesAsync(project, "-p:NoDefaultSnapshots=true", "-p:ListedFiles=contracts/c.mcp.json"));
    }

    [Fact]
    public async Task A_compiler_older_than_Roslyn_4_8_is_a_build_error()
    {
        var project = await CreateLibraryAsync("OldCompiler", "");

        var tooOld = await package.DotNetAsync(project, "build", "--no-restore", "-p:CompilerApiVersion=roslyn4.7");
        Assert.False(tooOld.Succeeded, tooOld.ToString());
        Assert.Contains(
            "error MCPGEN100: McpClientGen's source generator needs Roslyn 4.8 or newer (the .NET SDK 8.0.100 or Visual Studio 17.8 and later), but this build's compiler is 'roslyn4.7'.",
            tooOld.Output,
            StringComparison.Ordinal);

        // Compilers before Roslyn 4.0 do not report CompilerApiVersion at all; the SDK would otherwise read it from the
        // compiler's build task, so point that nowhere.
        var unknown = await package.DotNetAsync(project, "build", "--no-restore", "-p:CompilerApiVersion=", "-p:RoslynTasksAssembly=/missing/Microsoft.Build.Tasks.CodeAnalysis.dll");
        Assert.False(unknown.Succeeded, unknown.ToString());
        Assert.Contains("error MCPGEN100:", unknown.Output, StringComparison.Ordinal);
        Assert.Contains("older than Roslyn 4.0 (it does not set CompilerApiVersion)", unknown.Output, StringComparison.Ordinal);

        var oldest = await package.DotNetAsync(project, "build", "--no-restore", "-p:CompilerApiVersion=roslyn4.8");
        Assert.True(oldest.Succeeded, oldest.ToString());
    }

    [Fact]
    public async Task A_Visual_Basic_project_that_references_the_package_is_a_build_error_but_one_that_inherits_it_builds()
    {
        var direct = package.CreateProject("Direct", new Dictionary<string, string>
        {
            ["Direct.vbproj"] = VisualBasicProject($"""<PackageReference Include="McpClientGen" Version="{package.Version}" />"""),
            ["Module.vb"] = "Public Module Calls\nEnd Module\n",
        });
        await package.DotNetAsync(direct, "restore").SucceedAsync();
        var build = await package.DotNetAsync(direct, "build", "--no-restore");
        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains("error MCPGEN101: McpClientGen generates C# only, and this project's language is VB.", build.Output, StringComparison.Ordinal);

        // A Visual Basic project using a C# library that has the package gets the runtime, not the generator.
        var library = await CreateLibraryAsync("Library", "");
        var inheriting = package.CreateProject("Inheriting", new Dictionary<string, string>
        {
            ["Inheriting.vbproj"] = VisualBasicProject($"""<ProjectReference Include="{Path.Combine(library, "Library.csproj")}" />"""),
            ["Module.vb"] = "Public Module Calls\n    Public Function Options() As McpClientGen.McpConnectionOptions\n        Return Nothing\n    End Function\nEnd Module\n",
        });
        await package.DotNetAsync(inheriting, "build").SucceedAsync();
    }

    private async Task<string> CreateLibraryAsync(string name, string projectBody)
    {
        var project = package.CreateProject(name, new Dictionary<string, string>
        {
            [$"{name}.csproj"] = $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="McpClientGen" Version="{package.Version}" />
                  </ItemGroup>
                {projectBody}
                </Project>
                """,
            ["Library.cs"] = "namespace Library;\n\npublic static class Marker;\n",
            ["schemas/a.mcp.json"] = EmptySnapshot,
            ["schemas/a.overlay.json"] = EmptyOverlay,
            ["schemas/nested/b.mcp.json"] = EmptySnapshot,
            ["contracts/c.mcp.json"] = EmptySnapshot,
            ["contracts/c.overlay.json"] = EmptyOverlay,
            ["schemas/notes.txt"] = "not a snapshot",
        });
        await package.DotNetAsync(project, "restore").SucceedAsync();
        return project;
    }

    private static string VisualBasicProject(string reference) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            {reference}
          </ItemGroup>
        </Project>
        """;

    /// <summary>The project's AdditionalFiles as evaluated: item spec, with "(listed)" for the project's own items.</summary>
    private async Task<List<string>> AdditionalFilesAsync(string project, params string[] properties)
    {
        var result = await package.DotNetAsync(project, ["msbuild", "-getItem:AdditionalFiles", .. properties]).SucceedAsync();
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("Items").TryGetProperty("AdditionalFiles", out var items)
            ? items.EnumerateArray()
                .Select(item => item.GetProperty("Identity").GetString() + (item.TryGetProperty("Listed", out var listed) && listed.GetString() == "true" ? " (listed)" : ""))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
    }
}
