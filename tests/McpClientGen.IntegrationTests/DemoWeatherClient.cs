using ModelContextProtocol.Protocol;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// A second client on the demo snapshot that picks its tools with filters and declares two methods itself:
/// one renames a tool and sends only its required argument, one returns the raw result.
/// </summary>
[McpClient("demo", Include = ["get_*", "plan_*", "divide"], Exclude = ["divide"])]
[ClientCredentials(Scopes = "demo.read")]
public partial interface IDemoWeatherClient
{
    /// <summary>The weather in a city.</summary>
    [McpTool("get_weather")]
    Task<GetWeatherResult> WeatherInAsync(string city, CancellationToken cancellationToken = default);

    /// <summary>Converts a temperature, from Kelvin unless told otherwise.</summary>
    [McpTool("convert_temperature")]
    Task<CallToolResult> ConvertAsync(double value, ConvertTemperatureTo to, ConvertTemperatureTo from = ConvertTemperatureTo.Kelvin);
}
