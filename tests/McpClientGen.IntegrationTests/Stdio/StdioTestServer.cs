using System.Reflection;
using McpClientGen.Testing;

namespace McpClientGen.IntegrationTests.Stdio;

/// <summary>
/// <c>tests/McpClientGen.StdioTestServer</c>, built by this test project's reference to it in the same configuration, and
/// started as <c>dotnet &lt;its dll&gt;</c>: each connection gets a process of its own, so tests run side by side.
/// </summary>
internal static class StdioTestServer
{
    /// <summary>The server's assembly.</summary>
    public static string Assembly { get; } = RepositoryPaths.Combine(
        "tests", "McpClientGen.StdioTestServer", "bin",
        typeof(StdioTestServer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug",
        "net10.0", "McpClientGen.StdioTestServer.dll");

    /// <summary>
    /// The dotnet host that runs this test (<c>dotnet test</c> runs the tests under it), so the server runs on the same
    /// runtime whatever is on PATH.
    /// </summary>
    public static string Dotnet { get; } =
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    /// <summary>Options that start the server.</summary>
    public static McpStdioServerOptions Options() => new() { Command = Dotnet, Arguments = [Assembly] };
}
