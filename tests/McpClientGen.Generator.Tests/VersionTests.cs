namespace McpClientGen.Generator.Tests;

/// <summary>The version the generator stamps into <c>[GeneratedCode]</c> is the version it is built and packed as.</summary>
public sealed class VersionTests
{
    [Fact]
    public void GeneratedCode_version_is_the_assembly_and_package_version()
    {
        // The build's VersionPrefix (Directory.Build.props) gives the assembly version major.minor.build.0.
        var built = typeof(McpClientGenerator).Assembly.GetName().Version!;
        Assert.True(
            new Version(built.Major, built.Minor, built.Build) == new Version(ThisAssembly.Version),
            $"ThisAssembly.Version is {ThisAssembly.Version} but the generator is built as {built.ToString(3)}: change both together.");
    }
}
