using System.Text.Json;
using McpClientGen.DemoServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace McpClientGen.IntegrationTests.RevisionObligations;

/// <summary>
/// SEP-2575, through a generated client, as the demo MCP server received it: with the connection's default settings the
/// session speaks 2026-07-28 (no <c>initialize</c>: <c>server/discover</c>), and every POST carries
/// <c>MCP-Protocol-Version: 2026-07-28</c> and a <c>params._meta</c> naming the same revision, the client's capabilities
/// and its identity. A connection pinned to 2025-11-25 shakes hands instead and sends the header only after it, with no
/// <c>_meta</c>: what that revision asks for.
/// </summary>
public sealed class RequestMetadataObligationTests
{
    private const string Revision = "2026-07-28";
    private const string VersionKey = "io.modelcontextprotocol/protocolVersion";
    private const string CapabilitiesKey = "io.modelcontextprotocol/clientCapabilities";
    private const string ClientInfoKey = "io.modelcontextprotocol/clientInfo";

    [Fact]
    public async Task Every_request_of_a_default_connection_declares_2026_07_28_in_its_header_and_its_meta()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        await client.GetWeatherAsync("Oslo");
        await client.FindOfficeAsync("eu");

        AssertEveryPostDeclaresTheRevision(stack);
    }

    [Fact]
    public async Task A_client_registered_from_configuration_declares_2026_07_28_the_same_way()
    {
        await using var stack = await DemoStack.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mcp:Demo:Endpoint"] = stack.McpEndpoint.AbsoluteUri,
            ["Mcp:Demo:ClientId"] = stack.ClientId,
            ["Mcp:Demo:ClientSecret"] = stack.ClientSecret,
            ["Mcp:Demo:AuthorizationServer"] = stack.Issuer.AbsoluteUri,
        }).Build();
        var services = new ServiceCollection();
        services.AddMcpClient<IDemoClient, DemoClient>(configuration.GetSection("Mcp:Demo"));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IDemoClient>();

        await client.GetWeatherAsync("Oslo");
        await client.FindOfficeAsync("eu");

        AssertEveryPostDeclaresTheRevision(stack);
    }

    [Fact]
    public async Task A_connection_pinned_to_2025_11_25_shakes_hands_then_sends_that_revision_in_the_header_and_no_meta()
    {
        await using var stack = await DemoStack.StartAsync();
        var options = stack.ClientOptions();
        options.ProtocolVersion = "2025-11-25";
        await using var client = DemoClient.Create(options);

        await client.GetWeatherAsync("Oslo");

        var requests = stack.McpRequests;
        var handshake = requests[0];
        Assert.Equal("initialize", handshake.JsonRpcMethod);
        Assert.Equal("2025-11-25", handshake.Params!.Value.GetProperty("protocolVersion").GetString());
        Assert.Null(handshake.Header("MCP-Protocol-Version"));
        Assert.Contains(requests, request => request.JsonRpcMethod == "tools/call");
        Assert.All(requests.Skip(1), request =>
        {
            Assert.Equal("2025-11-25", request.Header("MCP-Protocol-Version"));
            Assert.False(request.Params is { } parameters && parameters.TryGetProperty("_meta", out var meta) && meta.TryGetProperty(VersionKey, out _));
        });
    }

    /// <summary>The session began with <c>server/discover</c>, and every POST carries the revision in its header and its <c>_meta</c>.</summary>
    private static void AssertEveryPostDeclaresTheRevision(DemoStack stack)
    {
        var posts = stack.McpRequests.Where(request => request.HttpMethod == "POST").ToList();
        Assert.Equal(["server/discover", "tools/call", "tools/call"], posts.Select(request => request.JsonRpcMethod));
        Assert.All(posts, request =>
        {
            Assert.Equal(Revision, request.Header("MCP-Protocol-Version"));
            var meta = Assert.IsType<JsonElement>(request.Params).GetProperty("_meta");
            Assert.Equal(request.Header("MCP-Protocol-Version"), meta.GetProperty(VersionKey).GetString());
            Assert.Equal(JsonValueKind.Object, meta.GetProperty(CapabilitiesKey).ValueKind);
            Assert.True(meta.GetProperty(CapabilitiesKey).GetProperty("extensions").TryGetProperty(McpConnection.ClientCredentialsExtension, out _));
            Assert.Equal("McpClientGen", meta.GetProperty(ClientInfoKey).GetProperty("name").GetString());
        });
    }
}
