using System.Text.Json.Serialization;

namespace McpClientGen.DemoServer;

/// <summary>A temperature scale; published in tool schemas as a string enum of lowercase names.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TemperatureUnit>))]
internal enum TemperatureUnit
{
    [JsonStringEnumMemberName("celsius")]
    Celsius,

    [JsonStringEnumMemberName("fahrenheit")]
    Fahrenheit,

    [JsonStringEnumMemberName("kelvin")]
    Kelvin,
}
