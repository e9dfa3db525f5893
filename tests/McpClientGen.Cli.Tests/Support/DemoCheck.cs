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

    /// <summary>Checks a copy of the committed demo snapshot changed by <paramref name="edit"/>; returns the copy's path too.</summary>
    public static async Task<(string Path, CliResult Result)> CheckEditedAsync(this DemoStackFixture demo, Action<JsonObject> edit)
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("demo.mcp.json");
        var snapshot = LoadCommitted().AsObject();
        edit(snapshot);
        await File.WriteAllTextAsync(path, snapshot.ToJsonString());
        return (path, await demo.CheckAsync(path));
    }
}
