using System.Text.Json;
using McpClientGen.DemoServer;
using McpClientGen.Snapshots;
using McpClientGen.Testing;
using ModelContextProtocol.Protocol;

namespace McpClientGen.IntegrationTests.RevisionObligations;

/// <summary>
/// SEP-1613/2106: a tool's schema is kept as the server publishes it, 2020-12 keywords included, and a generated client
/// built from it sends arguments the server accepts. <c>quote_shipment</c>'s schema has <c>$schema</c>, <c>$defs</c> with
/// an <c>$anchor</c>, <c>$ref</c> by anchor and by pointer, <c>const</c>, <c>prefixItems</c>, <c>anyOf</c>,
/// <c>allOf</c>, <c>if</c>/<c>then</c>/<c>else</c> and <c>additionalProperties: false</c>, and the demo server validates
/// every call against it with a full 2020-12 validator.
/// </summary>
public sealed class SchemaPreservationObligationTests
{
    private const string Tool = "quote_shipment";

    [Fact]
    public async Task The_snapshot_keeps_the_2020_12_schema_exactly_as_the_server_publishes_it()
    {
        await using var stack = await DemoStack.StartAsync();
        var served = (await ServerListing.ToolsAsync(stack))[Tool].GetProperty("inputSchema");
        await using var connection = McpConnection.Create(stack.ClientOptions());
        var captured = await ToolSnapshot.CaptureAsync(connection);

        using var recaptured = JsonDocument.Parse(captured.ToJson());
        using var committed = JsonDocument.Parse(await File.ReadAllTextAsync(RepositoryPaths.Combine("schemas", "demo.mcp.json")));
        foreach (var snapshot in new[] { recaptured.RootElement, committed.RootElement })
        {
            var kept = snapshot.GetProperty("tools").EnumerateArray().Single(tool => tool.GetProperty("name").GetString() == Tool).GetProperty("inputSchema");
            Assert.True(JsonElement.DeepEquals(served, kept), $"The snapshot's schema differs from the server's:\n{kept}\n---\n{served}");
            // Keyword order is kept as well, so a reviewer diffing a recapture sees only what the server changed.
            Assert.Equal(PropertyNames(served), PropertyNames(kept));
        }

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", served.GetProperty("$schema").GetString());
        Assert.Equal("place", served.GetProperty("$defs").GetProperty("place").GetProperty("$anchor").GetString());
        Assert.Equal("#place", served.GetProperty("properties").GetProperty("origin").GetProperty("$ref").GetString());
        Assert.Equal(3, served.GetProperty("properties").GetProperty("dimensionsCm").GetProperty("prefixItems").GetArrayLength());
        Assert.Equal("parcel", served.GetProperty("properties").GetProperty("service").GetProperty("const").GetString());
        Assert.All(new[] { "if", "then", "else" }, keyword => Assert.True(served.TryGetProperty(keyword, out _), keyword));
    }

    [Fact]
    public async Task A_generated_call_sends_arguments_the_server_validates_against_that_schema()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        var result = await client.QuoteShipmentAsync(
            service: "parcel",
            origin: new IDemoClient.Place { City = "Oslo", Country = "NO" },
            destination: new IDemoClient.Place { City = "Bergen", Country = "NO" },
            dimensionsCm: [40, 30, 20],
            weightKg: 2.5,
            contents: new IDemoClient.QuoteShipmentContents { Description = "Books", Hazardous = false },
            express: true,
            declaredValueEuros: null);

        Assert.Equal("22.30 EUR to Bergen, NO by express.", Text(result));
        var sent = Assert.Single(stack.McpRequests, request => request.JsonRpcMethod == "tools/call").Params!.Value.GetProperty("arguments");
        Assert.Equal("parcel", sent.GetProperty("service").GetString());
        Assert.Equal("[40,30,20]", sent.GetProperty("dimensionsCm").GetRawText());
    }

    [Fact]
    public async Task Arguments_the_schema_forbids_are_refused_by_the_server_that_validates_them()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        // if express then weightKg <= 30; and the country pattern ^[A-Z]{2}$.
        var error = await Assert.ThrowsAsync<McpToolException>(() => client.QuoteShipmentAsync(
            service: "parcel",
            origin: new IDemoClient.Place { City = "Oslo", Country = "Norway" },
            destination: new IDemoClient.Place { City = "Bergen", Country = "NO" },
            dimensionsCm: [40, 30, 20],
            weightKg: 31,
            contents: new IDemoClient.QuoteShipmentContents { Description = "Anvil", Hazardous = false },
            express: true));

        Assert.Contains("/weightKg", error.Message, StringComparison.Ordinal);
        Assert.Contains("/origin/country", error.Message, StringComparison.Ordinal);
    }

    private static List<string> PropertyNames(JsonElement schema) => [.. schema.EnumerateObject().Select(property => property.Name)];

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}
