using System.Collections;
using McpClientGen.IntegrationTests.Npm;
using ModelContextProtocol.Client;

namespace McpClientGen.IntegrationTests.Everything;

/// <summary>
/// The reference MCP server <c>@modelcontextprotocol/server-everything</c>, pinned (with every package it depends on) by
/// the <c>package-lock.json</c> in <c>server-everything/</c> beside this file and installed by <see cref="NodeTools"/>,
/// so the tests need neither Node.js nor npm on the machine. It serves MCP over stdio when started as
/// <c>node dist/index.js stdio</c>. It gets only the SDK's default environment variables, never the test process's own:
/// its <c>get-env</c> tool returns its whole environment.
/// </summary>
internal static class EverythingServer
{
    private static readonly string Pins = Path.Combine("tests", "McpClientGen.IntegrationTests", "Everything", "server-everything");

    /// <summary>Installs the server if it is missing and returns how to start it with the SDK's stdio transport.</summary>
    public static async Task<StdioClientTransportOptions> StdioOptionsAsync() => new()
    {
        Name = "server-everything",
        Command = NodeTools.NodePath,
        Arguments = [await EntryPointAsync(), "stdio"],
        InheritEnvironmentVariables = false,
    };

    /// <summary>
    /// Installs the server if it is missing and returns how to start it with <see cref="McpConnection.CreateStdio"/>. That
    /// connection always passes this process's environment on, so every variable of it is removed (a <see langword="null"/>
    /// value) except the SDK's defaults, which leaves the server the environment <see cref="StdioOptionsAsync"/> gives it.
    /// </summary>
    public static async Task<McpStdioServerOptions> ConnectionOptionsAsync()
    {
        var options = new McpStdioServerOptions { Command = NodeTools.NodePath, Arguments = [await EntryPointAsync(), "stdio"] };
        foreach (DictionaryEntry inherited in Environment.GetEnvironmentVariables())
        {
            options.EnvironmentVariables[(string)inherited.Key] = null;
        }

        foreach (var (name, value) in StdioClientTransportOptions.GetDefaultEnvironmentVariables())
        {
            options.EnvironmentVariables[name] = value;
        }

        return options;
    }

    /// <summary>Starts the server and opens a plain SDK client session with it; disposing the client ends the process.</summary>
    public static async Task<McpClient> ConnectAsync() =>
        await McpClient.CreateAsync(new StdioClientTransport(await StdioOptionsAsync()));

    private static Task<string> EntryPointAsync() => NodeTools.InstallLockedAsync(
        Pins, Path.Combine("node_modules", "@modelcontextprotocol", "server-everything", "dist", "index.js"));
}
