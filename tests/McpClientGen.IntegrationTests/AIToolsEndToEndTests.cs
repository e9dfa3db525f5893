using System.Text.Json;
using System.Text.Json.Serialization;
using McpClientGen.DemoServer;
using McpClientGen.IntegrationTests.Support;
using McpClientGen.Testing;
using Microsoft.Extensions.AI;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// Generated clients as tools of a Microsoft.Extensions.AI agent: a scripted model asks for function calls, the SDK's
/// <see cref="FunctionInvokingChatClient"/> runs them through the generated <c>AsAITools</c> against the authenticated
/// demo server, which records what it received. The tools come from the snapshot, so the server is never asked to list them.
/// </summary>
public sealed class AIToolsEndToEndTests
{
    private const string TripArguments = """
        {"traveler":{"name":"Ada Lovelace","home":{"street":"12 St James's Square","city":"London","country_code":"GB"}},
         "stops":[{"city":"Turin","nights":3},{"city":"Paris","nights":1}],"luggage":{"suitcase":1,"hatbox":2},"mode":"train",
         "startDate":"2026-12-01","departure":"2026-12-01T08:15:00+00:00","bookingReference":"0b6f2c4e-6b1d-4c9a-9a44-3f6f3f1d2a10",
         "notes":null,"budgetEuros":1200}
        """;

    private const string TicketArguments = """{"title":"Printer on fire","priority":5,"urgent":true}""";

    [Fact]
    public async Task An_agent_calls_a_read_only_tool_with_exactly_the_models_arguments_without_listing_tools()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());
        var model = new ScriptedAgentModel(Calls("trip-1", "plan_trip", TripArguments), new ChatMessage(ChatRole.Assistant, "Your trip is planned."));
        using var agent = new FunctionInvokingChatClient(model);

        var response = await agent.GetResponseAsync("Plan my trip.", new ChatOptions { Tools = client.AsAITools() });

        Assert.Equal("Your trip is planned.", response.Text);
        var call = Assert.Single(stack.McpRequests, request => request.JsonRpcMethod == "tools/call");
        Assert.Equal("plan_trip", call.Params!.Value.GetProperty("name").GetString());
        AssertSameJson(TripArguments, call.Params.Value.GetProperty("arguments"));

        // The model was given the server's answer to its call.
        var result = Assert.Single(model.Requests[1].SelectMany(message => message.Contents).OfType<FunctionResultContent>());
        Assert.Equal("trip-1", result.CallId);
        var answer = Assert.IsType<JsonElement>(result.Result);
        Assert.Equal("Turin", answer.GetProperty("structuredContent").GetProperty("legs")[0].GetProperty("city").GetString());
        AssertToolsNeverListed(stack);
    }

    [Fact]
    public async Task A_tool_not_annotated_read_only_asks_for_approval_instead_of_running_and_runs_once_approved()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());
        var model = new ScriptedAgentModel(Calls("ticket-1", "create_ticket", TicketArguments), new ChatMessage(ChatRole.Assistant, "Ticket opened."));
        using var agent = new FunctionInvokingChatClient(model);
        var options = new ChatOptions { Tools = client.AsAITools() };
        List<ChatMessage> conversation = [new(ChatRole.User, "The printer is on fire.")];

        var response = await agent.GetResponseAsync(conversation, options);

        var approval = Assert.Single(response.Messages.SelectMany(message => message.Contents).OfType<ToolApprovalRequestContent>());
        Assert.Equal("create_ticket", Assert.IsType<FunctionCallContent>(approval.ToolCall).Name);
        Assert.DoesNotContain(stack.McpRequests, request => request.JsonRpcMethod == "tools/call");
        Assert.Single(model.Requests);

        conversation.AddRange(response.Messages);
        conversation.Add(new ChatMessage(ChatRole.User, [approval.CreateResponse(approved: true)]));
        var approved = await agent.GetResponseAsync(conversation, options);

        Assert.Equal("Ticket opened.", approved.Text);
        var call = Assert.Single(stack.McpRequests, request => request.JsonRpcMethod == "tools/call");
        Assert.Equal("create_ticket", call.Params!.Value.GetProperty("name").GetString());
        AssertSameJson(TicketArguments, call.Params.Value.GetProperty("arguments"));
        AssertToolsNeverListed(stack);
    }

    [Fact]
    public async Task A_caller_that_opts_out_of_approval_lets_the_agent_run_any_tool()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());
        var model = new ScriptedAgentModel(Calls("ticket-1", "create_ticket", TicketArguments), new ChatMessage(ChatRole.Assistant, "Ticket opened."));
        using var agent = new FunctionInvokingChatClient(model);

        var response = await agent.GetResponseAsync("The printer is on fire.", new ChatOptions { Tools = client.AsAITools(new McpAIToolsOptions { RequireApproval = false }) });

        Assert.Equal("Ticket opened.", response.Text);
        var call = Assert.Single(stack.McpRequests, request => request.JsonRpcMethod == "tools/call");
        AssertSameJson(TicketArguments, call.Params!.Value.GetProperty("arguments"));
        var result = Assert.Single(model.Requests[1].SelectMany(message => message.Contents).OfType<FunctionResultContent>());
        Assert.Contains("Created ticket T-", Assert.IsType<JsonElement>(result.Result).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arguments_given_as_dotnet_values_are_sent_as_their_json()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());
        var convert = Tool(client.AsAITools(), "convert_temperature");

        var answer = await convert.InvokeAsync(new AIFunctionArguments { ["value"] = 212.0, ["to"] = "celsius", ["from"] = "fahrenheit" });

        var call = Assert.Single(stack.McpRequests, request => request.JsonRpcMethod == "tools/call");
        AssertSameJson("""{"value":212,"to":"celsius","from":"fahrenheit"}""", call.Params!.Value.GetProperty("arguments"));
        Assert.Equal("212 °F = 100 °C", Assert.IsType<JsonElement>(answer).GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_tool_that_reports_an_error_gives_the_model_its_result_rather_than_throwing()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());
        var divide = Tool(client.AsAITools(), "divide");

        var answer = Assert.IsType<JsonElement>(await divide.InvokeAsync(new AIFunctionArguments { ["dividend"] = 1, ["divisor"] = 0 }));

        Assert.True(answer.GetProperty("isError").GetBoolean());
        Assert.Contains("Cannot divide by zero.", answer.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tools_are_the_clients_own_as_the_snapshot_describes_them()
    {
        using var snapshot = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("schemas", "demo.mcp.json")));
        var described = snapshot.RootElement.GetProperty("tools").EnumerateArray().ToDictionary(tool => tool.GetProperty("name").GetString()!);
        await using var stack = await DemoStack.StartAsync();
        await using var filtered = DemoWeatherClient.Create(stack.ClientOptions());
        await using var client = DemoClient.Create(stack.ClientOptions());

        // Include ["get_*", "plan_*", "divide"], Exclude ["divide"], plus the tool a declared method calls.
        var tools = filtered.AsAITools();
        Assert.Equal(["convert_temperature", "get_issue", "get_weather", "plan_trip"], tools.Select(tool => tool.Name).Order(StringComparer.Ordinal));

        var all = client.AsAITools();
        Assert.Equal(described.Keys.Order(StringComparer.Ordinal), all.Select(tool => tool.Name).Order(StringComparer.Ordinal));
        foreach (var tool in all)
        {
            var function = Assert.IsAssignableFrom<AIFunction>(tool);
            var expected = described[tool.Name];
            Assert.True(JsonElement.DeepEquals(expected.GetProperty("inputSchema"), function.JsonSchema), tool.Name);
            Assert.Equal(expected.GetProperty("description").GetString(), function.Description);
            var readOnly = expected.TryGetProperty("annotations", out var annotations)
                && annotations.TryGetProperty("readOnlyHint", out var hint) && hint.GetBoolean();
            Assert.Equal(!readOnly, tool is ApprovalRequiredAIFunction);
        }

        Assert.All(client.AsAITools(new McpAIToolsOptions { RequireApproval = false }), tool => Assert.IsNotType<ApprovalRequiredAIFunction>(tool));
        Assert.Empty(stack.McpRequests);
    }

    [Fact]
    public void A_client_McpClientGen_did_not_generate_is_refused_with_its_name()
    {
        var error = Assert.Throws<ArgumentException>(() => McpAITools.Create(new HandWrittenClient(), [], options: null));

        Assert.Equal("client", error.ParamName);
        Assert.Contains(nameof(HandWrittenClient), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_an_agents_request_stops_the_tool_it_is_running_on_the_server()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());
        const string Label = "agent-cancelled";
        var model = new ScriptedAgentModel(Calls("wait-1", "wait_until_cancelled", $$"""{"label":"{{Label}}"}"""), new ChatMessage(ChatRole.Assistant, "Never reached."));
        using var agent = new FunctionInvokingChatClient(model);
        using var cancellation = new CancellationTokenSource();

        var response = agent.GetResponseAsync("Wait.", new ChatOptions { Tools = client.AsAITools() }, cancellation.Token);
        await stack.WhenToolWaitingAsync(Label).WaitAsync(ServerBound);
        await cancellation.CancelAsync();

        // The server's own signals: its tool saw the cancellation, and the client named that call in notifications/cancelled.
        var requestId = await stack.WhenToolCancelledAsync(Label).WaitAsync(ServerBound);
        await stack.WhenCancelledNotificationAsync(requestId).WaitAsync(ServerBound);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => response);
        Assert.Equal([requestId], stack.CancelledRequestIds);
    }

    [Fact]
    public async Task An_agents_call_sends_the_parameter_headers_the_snapshot_declares()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());
        var dispatch = Tool(client.AsAITools(new McpAIToolsOptions { RequireApproval = false }), "dispatch_parcel");

        await dispatch.InvokeAsync(Arguments("""{"region":"apac","recipient":"Zoë","priority":4,"fragile":true,"note":"ring twice"}"""));

        var call = Assert.Single(stack.McpRequests, request => request.JsonRpcMethod == "tools/call");
        Assert.Equal("dispatch_parcel", call.Header("Mcp-Name"));
        Assert.Equal("apac", call.Header("Mcp-Param-Region"));
        Assert.Equal($"=?base64?{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("Zoë"))}?=", call.Header("Mcp-Param-Recipient"));
        Assert.Equal("4", call.Header("Mcp-Param-Priority"));
        Assert.Equal("true", call.Header("Mcp-Param-Fragile"));
        Assert.Equal("ring twice", call.Header("Mcp-Param-Note"));
    }

    [Fact]
    public async Task Two_clients_with_name_prefixes_share_an_agent_and_each_server_call_uses_the_tools_own_name()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var demo = DemoClient.Create(stack.ClientOptions());
        await using var weather = DemoWeatherClient.Create(stack.ClientOptions());
        // Both clients have get_weather: without prefixes the agent would be given two functions of one name.
        List<AITool> tools = [.. demo.AsAITools(new McpAIToolsOptions { NamePrefix = "crm_" }), .. weather.AsAITools(new McpAIToolsOptions { NamePrefix = "wx-" })];
        var model = new ScriptedAgentModel(Calls("weather-1", "wx-get_weather", """{"city":"Oslo"}"""), new ChatMessage(ChatRole.Assistant, "Mild."));
        using var agent = new FunctionInvokingChatClient(model);

        var response = await agent.GetResponseAsync("Weather in Oslo?", new ChatOptions { Tools = tools });

        Assert.Equal("Mild.", response.Text);
        Assert.Equal(tools.Count, tools.Select(tool => tool.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(tools, tool => tool.Name == "crm_get_weather");
        var call = Assert.Single(stack.McpRequests, request => request.JsonRpcMethod == "tools/call");
        Assert.Equal("get_weather", call.Params!.Value.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("crm.")]
    [InlineData("crm ")]
    [InlineData("")]
    [InlineData("ünï_")]
    public void A_name_prefix_that_would_make_invalid_function_names_is_refused(string prefix)
    {
        var error = Assert.Throws<ArgumentException>(() => new McpAIToolsOptions { NamePrefix = prefix });

        Assert.Equal(nameof(McpAIToolsOptions.NamePrefix), error.ParamName);
        Assert.Contains($"'{prefix}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_is_not_json_is_refused_before_anything_is_sent_unless_the_app_gives_a_resolver()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());
        AIFunctionArguments arguments = new() { ["value"] = 0, ["to"] = Scale.Kelvin };

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Tool(client.AsAITools(), "convert_temperature").InvokeAsync(arguments).AsTask());
        Assert.Contains($"'to'", refused.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(Scale), refused.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(McpAIToolsOptions.JsonSerializerOptions), refused.Message, StringComparison.Ordinal);
        Assert.Empty(stack.McpRequests);

        var withResolver = client.AsAITools(new McpAIToolsOptions { JsonSerializerOptions = ScaleJsonContext.Default.Options });
        var answer = await Tool(withResolver, "convert_temperature").InvokeAsync(arguments);

        var call = Assert.Single(stack.McpRequests, request => request.JsonRpcMethod == "tools/call");
        AssertSameJson("""{"value":0,"to":"kelvin"}""", call.Params!.Value.GetProperty("arguments"));
        Assert.Equal("0 °C = 273.15 K", Assert.IsType<JsonElement>(answer).GetProperty("content")[0].GetProperty("text").GetString());
    }

    private static AIFunction Tool(IEnumerable<AITool> tools, string name) =>
        Assert.IsAssignableFrom<AIFunction>(Assert.Single(tools, tool => tool.Name == name));

    /// <summary>A model turn that calls one function, its arguments parsed from JSON as a real model's are.</summary>
    private static ChatMessage Calls(string callId, string name, string argumentsJson) =>
        new(ChatRole.Assistant, [new FunctionCallContent(callId, name, Arguments(argumentsJson))]);

    private static AIFunctionArguments Arguments(string json)
    {
        using var arguments = JsonDocument.Parse(json);
        return new(arguments.RootElement.EnumerateObject().ToDictionary(property => property.Name, property => (object?)property.Value.Clone()));
    }

    private static void AssertSameJson(string expected, JsonElement actual)
    {
        using var document = JsonDocument.Parse(expected);
        Assert.True(JsonElement.DeepEquals(document.RootElement, actual), $"The server received {actual.GetRawText()}");
    }

    /// <summary>No request, batched or not, asked the server for its tools.</summary>
    private static void AssertToolsNeverListed(DemoStack stack) =>
        Assert.DoesNotContain(
            stack.McpRequests.SelectMany(request => request.Messages),
            message => message.TryGetProperty("method", out var method) && method.GetString() == "tools/list");

    /// <summary>How long a test waits for the demo server to signal; the issue allows a second for a cancellation to arrive.</summary>
    private static readonly TimeSpan ServerBound = TimeSpan.FromSeconds(1);

    /// <summary>Stands for a test double of a client interface: not a generated client, so it has no connection to call through.</summary>
    private sealed class HandWrittenClient;
}

/// <summary>A scale as an app's own .NET type, which only the app's source-generated JSON context knows how to write.</summary>
public enum Scale
{
    /// <summary>Kelvin.</summary>
    [JsonStringEnumMemberName("kelvin")]
    Kelvin,
}

/// <summary>The app's source-generated JSON context: enums written as their names, with no reflection.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(Scale))]
internal sealed partial class ScaleJsonContext : JsonSerializerContext;
