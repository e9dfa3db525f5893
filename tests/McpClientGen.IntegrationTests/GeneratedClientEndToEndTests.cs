using McpClientGen.DemoServer;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// A generated client against the real stack: OpenIddict issuing client-credentials tokens, and an MCP server
/// validating them with JwtBearer. Token requests and 401s are counted by the servers, not by the client.
/// </summary>
public sealed class GeneratedClientEndToEndTests
{
    [Fact]
    public async Task Typed_calls_return_typed_results_and_share_one_token()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        var weather = await client.GetWeatherAsync("Oslo");
        Assert.Equal("Oslo", weather.City);
        Assert.InRange(weather.HumidityPercent, 0, 100);
        Assert.False(string.IsNullOrWhiteSpace(weather.Conditions));

        var ticket = await client.CreateTicketAsync("Printer on fire", priority: 5, urgent: true);
        Assert.Contains("Printer on fire", Text(ticket), StringComparison.Ordinal);

        var boiling = await client.ConvertTemperatureAsync(100, IDemoClient.ConvertTemperatureTo.Fahrenheit);
        Assert.Contains("212", Text(boiling), StringComparison.Ordinal);

        var freezing = await client.ConvertTemperatureAsync(273.15, IDemoClient.ConvertTemperatureTo.Celsius, from: IDemoClient.ConvertTemperatureTo.Kelvin);
        Assert.Contains("0", Text(freezing), StringComparison.Ordinal);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(weather, await client.GetWeatherAsync("Oslo"));
        }

        Assert.Equal(1, stack.TokenRequestCount);
        Assert.Equal(0, stack.Mcp401Count);
    }

    [Fact]
    public async Task A_token_rejected_mid_session_is_replaced_exactly_once()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());
        await client.GetWeatherAsync("Bergen");
        Assert.Equal(1, stack.TokenRequestCount);

        stack.RevokeIssuedTokens();
        var report = await client.GetWeatherAsync("Bergen");
        await client.GetWeatherAsync("Bergen");

        Assert.Equal("Bergen", report.City);
        Assert.Equal(2, stack.TokenRequestCount);
        Assert.Equal(1, stack.Mcp401Count);
    }

    [Fact]
    public async Task A_tool_error_surfaces_as_McpToolException()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoClient.Create(stack.ClientOptions());

        var error = await Assert.ThrowsAsync<McpToolException>(() => client.DivideAsync(1, 0));

        Assert.Equal("divide", error.ToolName);
        Assert.Contains("Cannot divide by zero.", error.Message, StringComparison.Ordinal);
        Assert.True(error.Result.IsError);
        Assert.Equal("2.5", Text(await client.DivideAsync(5, 2)));
    }

    private static string Text(ModelContextProtocol.Protocol.CallToolResult result) =>
        string.Concat(result.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(block => block.Text));
}
