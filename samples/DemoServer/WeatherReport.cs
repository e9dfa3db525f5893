using System.ComponentModel;
using System.Text.Json.Serialization;

namespace McpClientGen.DemoServer;

/// <summary>The structured result of the <c>get_weather</c> tool.</summary>
[Description("Current weather conditions in a city.")]
public sealed record WeatherReport(
    [property: JsonPropertyName("city"), Description("The city the report is for.")]
    string City,
    [property: JsonPropertyName("temperature_celsius"), Description("Air temperature in degrees Celsius.")]
    double TemperatureCelsius,
    [property: JsonPropertyName("conditions"), Description("A short description of the sky, e.g. 'light rain'.")]
    string Conditions,
    [property: JsonPropertyName("humidity_percent"), Description("Relative humidity in percent.")]
    int HumidityPercent);
