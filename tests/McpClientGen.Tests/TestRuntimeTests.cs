using System.Reflection;
using System.Runtime.Versioning;

namespace McpClientGen.Tests;

/// <summary>
/// These tests run once per target framework of the runtime package. A leg that silently ran on another .NET (a net8.0
/// build rolled forward onto .NET 10, say) would prove nothing about the framework the package targets.
/// </summary>
public sealed class TestRuntimeTests
{
    [Fact]
    public void Each_leg_runs_on_the_dotnet_it_was_built_for()
    {
        var target = typeof(TestRuntimeTests).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
        var runtime = typeof(McpConnection).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;

        Assert.Equal(target, runtime);
        Assert.Equal(new FrameworkName(target).Version.Major, Environment.Version.Major);
    }
}
