using System.Text.Json;
using System.Text.Json.Nodes;
using McpClientGen.DemoServer;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// The two tools that exist for client tests, called with the plain SDK client so that their wire behaviour is pinned
/// down independently of the generator.
/// </summary>
public sealed class DemoShapeToolsTests
{
    private const string TripRequest = """
        {
          "traveler": { "name": "Ada Lovelace", "home": { "street": "12 St James's Square", "city": "London", "country_code": "GB" } },
          "stops": [ { "city": "Paris", "nights": 2 }, { "city": "Turin", "nights": 3 } ],
          "luggage": { "suitcase": 1, "backpack": 2 },
          "mode": "train",
          "startDate": "2030-05-01",
          "departure": "2030-05-01T08:30:00+01:00",
          "bookingReference": "0f8fad5b-d9cb-469f-a165-70867728950e",
          "notes": "window seat",
          "budgetEuros": 1000
        }
        """;

    private const string EchoRequest = """
        {
          "id": "6f9619ff-8b86-d011-b42d-00c04fc964ff",
          "created_at": "2030-01-02T03:04:05Z",
          "status": "ÜBER",
          "tags": ["a", "b"],
          "scores": { "x": 1.5, "y": -2 },
          "nickname": null,
          "retries": 3,
          "owner": { "name": "Ann", "email": "ann@example.com" },
          "location": { "latitude": 59.9, "longitude": 10.75, "label": "Oslo" },
          "tree": { "label": "root", "children": [ { "label": "leaf", "children": [] } ] }
        }
        """;

    [Fact]
    public async Task Plan_trip_echoes_every_shape_and_computes_the_dates()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var session = await DemoStackHttp.ConnectAsync(stack);

        var result = await CallAsync(session.Client, "plan_trip", TripRequest);

        // website was not given and is written as null; budget_per_night_euros is 1000 / 5 nights.
        AssertJsonEqual(
            """
            {
              "traveler": { "name": "Ada Lovelace", "home": { "street": "12 St James's Square", "city": "London", "country_code": "GB" } },
              "legs": [
                { "city": "Paris", "nights": 2, "check_in": "2030-05-01", "check_out": "2030-05-03" },
                { "city": "Turin", "nights": 3, "check_in": "2030-05-03", "check_out": "2030-05-06" }
              ],
              "luggage": { "suitcase": 1, "backpack": 2 },
              "mode": "train",
              "start_date": "2030-05-01",
              "end_date": "2030-05-06",
              "total_nights": 5,
              "departure": "2030-05-01T08:30:00+01:00",
              "booking_reference": "0f8fad5b-d9cb-469f-a165-70867728950e",
              "notes": "window seat",
              "website": null,
              "budget_per_night_euros": 200
            }
            """,
            result);
    }

    [Fact]
    public async Task Plan_trip_writes_missing_notes_as_null_and_leaves_out_a_missing_budget()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var session = await DemoStackHttp.ConnectAsync(stack);
        var request = JsonNode.Parse(TripRequest)!.AsObject();
        request.Remove("notes");
        request.Remove("budgetEuros");
        request["website"] = "https://example.com/trip";

        var result = await CallAsync(session.Client, "plan_trip", request.ToJsonString());

        var plan = result.StructuredContent!.Value;
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("notes").ValueKind);
        Assert.Equal("https://example.com/trip", plan.GetProperty("website").GetString());
        Assert.False(plan.TryGetProperty("budget_per_night_euros", out _));
    }

    [Fact]
    public async Task Plan_trip_rejects_a_stop_without_nights_as_a_tool_error()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var session = await DemoStackHttp.ConnectAsync(stack);
        var request = JsonNode.Parse(TripRequest)!.AsObject();
        request["stops"] = JsonNode.Parse("""[{ "city": "Paris", "nights": 0 }]""");

        var result = await session.Client.CallToolAsync(Params("plan_trip", request.ToJsonString()));

        Assert.True(result.IsError);
        Assert.Contains("Every stop needs a city and at least one night.", DemoStackHttp.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Echo_shapes_returns_the_arguments_as_structured_content_and_as_text()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var session = await DemoStackHttp.ConnectAsync(stack);

        var result = await CallAsync(session.Client, "echo_shapes", EchoRequest);

        AssertJsonEqual(EchoRequest, result);
    }

    [Fact]
    public async Task Echo_shapes_publishes_one_schema_for_input_and_output()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var session = await DemoStackHttp.ConnectAsync(stack);

        var tool = (await session.Client.ListToolsAsync()).Single(tool => tool.Name == "echo_shapes").ProtocolTool;

        Assert.NotNull(tool.OutputSchema);
        Assert.True(JsonElement.DeepEquals(tool.InputSchema, tool.OutputSchema.Value));
        var defs = tool.InputSchema.GetProperty("$defs");
        Assert.Equal(
            "#/$defs/TreeNode",
            defs.GetProperty("TreeNode").GetProperty("properties").GetProperty("children").GetProperty("items").GetProperty("$ref").GetString());
    }

    private static async Task<CallToolResult> CallAsync(McpClient client, string tool, string argumentsJson)
    {
        var result = await client.CallToolAsync(Params(tool, argumentsJson));
        Assert.NotEqual(true, result.IsError);
        return result;
    }

    private static CallToolRequestParams Params(string tool, string argumentsJson) => new()
    {
        Name = tool,
        Arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(argumentsJson),
    };

    // Compares parsed JSON, not text: the server may escape characters (e.g. ' or Ü) differently from the literal.
    private static void AssertJsonEqual(string expected, CallToolResult result)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.NotNull(result.StructuredContent);
        var text = DemoStackHttp.Text(result);
        Assert.True(
            JsonNode.DeepEquals(expectedNode, JsonNode.Parse(result.StructuredContent.Value.GetRawText())),
            $"structuredContent was {result.StructuredContent.Value.GetRawText()}");
        Assert.True(JsonNode.DeepEquals(expectedNode, JsonNode.Parse(text)), $"The text block was {text}");
    }
}
