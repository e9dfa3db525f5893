using McpClientGen.IntegrationTests.Npm;

namespace McpClientGen.IntegrationTests.Everything;

/// <summary>
/// The reference MCP server <c>@modelcontextprotocol/server-everything</c>, pinned (with every package it depends on) by
/// the <c>package-lock.json</c> in <c>server-everything/</c> beside this file and installed by <see cref="NodeTools"/>,
/// so the tests need neither Node.js nor npm on the machine. It serves MCP over stdio when started as
/// <c>node dist/index.js stdio</c>.
/// </summary>
internal static class EverythingServer
{
    private static readonly string Pins = Path.Combine("tests", "McpClientGen.IntegrationTests", "Everything", "server-everything");

    /// <summary>
    /// Installs the server if it is missing and returns how to start it with <see cref="McpConnection.CreateStdio"/>. Like
    /// every stdio server by default, it gets only the SDK's default environment variables (<c>PATH</c>, <c>HOME</c>, ...),
    /// never the rest of the test process's, which matters here: its <c>get-env</c> tool returns its whole environment.
    /// </summary>
    public static async Task<McpStdioServerOptions> OptionsAsync()
    {
        var entryPoint = await NodeTools.InstallLockedAsync(
            Pins, Path.Combine("node_modules", "@modelcontextprotocol", "server-everything", "dist", "index.js"));
        return new McpStdioServerOptions { Command = NodeTools.NodePath, Arguments = [entryPoint, "stdio"] };
    }
}
