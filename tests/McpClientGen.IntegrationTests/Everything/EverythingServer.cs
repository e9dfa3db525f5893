using System.Collections;
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
    /// Installs the server if it is missing and returns how to start it with <see cref="McpConnection.CreateStdio"/>. The
    /// server gets only the SDK's default environment variables (<c>PATH</c>, <c>HOME</c>, ...), never the rest of the test
    /// process's: its <c>get-env</c> tool returns its whole environment. The connection passes its own environment on, so
    /// every variable of it is removed (a <see langword="null"/> value) and the defaults are set again.
    /// </summary>
    public static async Task<McpStdioServerOptions> OptionsAsync()
    {
        var entryPoint = await NodeTools.InstallLockedAsync(
            Pins, Path.Combine("node_modules", "@modelcontextprotocol", "server-everything", "dist", "index.js"));
        var options = new McpStdioServerOptions { Command = NodeTools.NodePath, Arguments = [entryPoint, "stdio"] };
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
}
