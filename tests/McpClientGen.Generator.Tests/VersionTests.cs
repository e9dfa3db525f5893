using System.Reflection;
using System.Text.RegularExpressions;

namespace McpClientGen.Generator.Tests;

/// <summary>
/// The version in <c>[GeneratedCode]</c> is the version the build gives the generator — <c>$(Version)</c>, which this
/// test project is built with too — not a constant kept by hand.
/// </summary>
public sealed class VersionTests
{
    [Fact]
    public void GeneratedCode_carries_the_version_the_generator_is_built_as()
    {
        var buildVersion = typeof(VersionTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BuildVersion").Value!;
        var (_, _, driver) = GeneratorHarness.Run(
            """
            [McpClientGen.McpClient("stamp")]
            public partial interface IStampClient;
            """,
            new InMemoryAdditionalText("/schemas/stamp.mcp.json", """{"tools":[{"name":"echo","inputSchema":{"type":"object","properties":{"text":{"type":"string"}}}}]}"""));

        var stamps = driver.GetRunResult().Results.Single().GeneratedSources
            .SelectMany(source => Regex.Matches(source.SourceText.ToString(), """GeneratedCode\("McpClientGen", "([^"]*)"\)"""))
            .Select(match => match.Groups[1].Value)
            .ToList();
        Assert.NotEmpty(stamps);
        Assert.All(stamps, stamp => Assert.Equal(buildVersion, stamp));

        // The generator assembly is that build: its informational version is $(Version), plus the source revision.
        var generatorVersion = typeof(McpClientGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(buildVersion, generatorVersion.Split('+')[0]);
    }
}
