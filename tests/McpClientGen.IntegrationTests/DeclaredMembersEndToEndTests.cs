using System.Reflection;
using McpClientGen.DemoServer;
using ModelContextProtocol.Protocol;

namespace McpClientGen.IntegrationTests;

/// <summary><see cref="IDemoWeatherClient"/>: filtered tools and hand-declared methods, called against the real stack.</summary>
public sealed class DeclaredMembersEndToEndTests
{
    [Fact]
    public async Task Declared_methods_call_their_tools_with_the_declared_shape()
    {
        await using var stack = await DemoStack.StartAsync();
        await using var client = DemoWeatherClient.Create(stack.ClientOptions());
        IDemoWeatherClient typed = client;

        var weather = await typed.WeatherInAsync("Oslo");
        var converted = await typed.ConvertAsync(273.15, IDemoWeatherClient.ConvertTemperatureTo.Celsius);

        Assert.Equal("Oslo", weather.City);
        Assert.Contains("273.15 K = 0 °C", Assert.IsType<TextContentBlock>(Assert.Single(converted.Content)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_and_declared_members_decide_which_methods_are_generated()
    {
        var methods = typeof(IDemoWeatherClient).GetMethods().Select(m => m.Name).Distinct().Order(StringComparer.Ordinal);

        // get_weather is declared (as WeatherInAsync), so it is not generated again; get_issue matches get_* and is
        // generated; divide is excluded; convert_temperature is outside Include but declared, so it is there under its
        // declared name.
        Assert.Equal(["ConvertAsync", "GetIssueAsync", "PlanTripAsync", "WeatherInAsync"], methods);
    }

    [Fact]
    public void The_generated_class_implements_the_declared_methods_publicly()
    {
        var method = typeof(DemoWeatherClient).GetMethod(nameof(IDemoWeatherClient.ConvertAsync), BindingFlags.Public | BindingFlags.Instance);

        Assert.NotNull(method);
        Assert.Equal(typeof(Task<CallToolResult>), method.ReturnType);
        Assert.Equal(IDemoWeatherClient.ConvertTemperatureTo.Kelvin, method.GetParameters()[2].DefaultValue);
    }
}
