using System.Text.Json.Nodes;
using McpClientGen.Testing;

namespace McpClientGen.Cli.Tests.Support;

/// <summary><c>mcpgen check</c> against the demo stack, and the committed demo snapshot the check tests edit copies of.</summary>
internal static class DemoCheck
{
    public static readonly string CommittedSnapshot = RepositoryPaths.Combine("schemas", "demo.mcp.json");

    public static JsonNode LoadCommitted() => JsonNode.Parse(File.ReadAllText(CommittedSnapshot))!;

    /// <summary>Checks <paramref name="path"/> against the demo server, authenticated with the demo client's secret.</summary>
    public static Task<CliResult> CheckAsync(this DemoStackFixture demo, string path) =>
        Mcpgen.RunAsync(demo.SecretEnvironment, "check", demo.Endpoint, path, "--client-id", demo.Stack.ClientId, "--authorization-server", demo.Issuer);
}
