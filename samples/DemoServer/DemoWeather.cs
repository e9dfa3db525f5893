namespace McpClientGen.DemoServer;

/// <summary>
/// The demo's weather: derived from the city's name, so the same city always gets the same report. Shared by the
/// demo server's <c>get_weather</c> and the benchmark server's copy of that tool.
/// </summary>
public static class DemoWeather
{
    private static readonly string[] SkyConditions = ["clear", "partly cloudy", "overcast", "light rain", "snow"];

    /// <summary>The report for <paramref name="city"/>.</summary>
    public static WeatherReport For(string city)
    {
        ArgumentNullException.ThrowIfNull(city);
        city = city.Trim();
        var seed = StableHash(city.ToUpperInvariant());
        return new WeatherReport(
            City: city,
            TemperatureCelsius: Math.Round(-5 + seed % 400 / 10.0, 1),
            Conditions: SkyConditions[seed / 400 % (uint)SkyConditions.Length],
            HumidityPercent: 30 + (int)(seed / 2000 % 61));
    }

    // string.GetHashCode is randomized per process; the weather must be the same in every run.
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var character in text)
        {
            hash = (hash ^ character) * 16777619u;
        }

        return hash;
    }
}
