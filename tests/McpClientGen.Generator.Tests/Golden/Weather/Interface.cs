using McpClientGen;

namespace Contoso.Weather;

[McpClient("weather")]
[ClientCredentials(Scopes = "weather.read")]
public partial interface IWeatherClient;
