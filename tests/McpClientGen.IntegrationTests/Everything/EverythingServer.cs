using McpClientGen.IntegrationTests.Npm;
using ModelContextProtocol.Client;

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
    /// Installs the server if it is missing and returns how to start it over stdio. It gets only the SDK's default
    /// environment variables, never the test process's own: its <c>get-env</c> tool returns its whole environment.
    /// </summary>
    public static async Task<StdioClientTransportOptions> StdioOptionsAsync()
    {
        var entryPoint = await NodeTools.InstallLockedAsync(
            Pins, Path.Combine("node_modules", "@modelcontextprotocol", "server-everything", "dist", "index.js"));
        return new StdioClientTransportOptions
        {
            Name = "server-everything",
            Command = NodeTools.NodePath,
            Arguments = [entryPoint, "stdio"],
            InheritEnvironmentVariables = false,
        };
    }

    /// <summary>Starts the server and opens a plain SDK client session with it; disposing the client ends the process.</summary>
    public static async Task<McpClient> ConnectAsync() =>
        await McpClient.CreateAsync(new StdioClientTransport(await StdioOptionsAsync()));
}
