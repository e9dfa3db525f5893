using System.ComponentModel;
using System.Text.Json.Serialization;

namespace McpClientGen.DemoServer;

/// <summary>A traveler's home address; nested inside <see cref="Traveler"/> so <c>plan_trip</c> has a two-level object.</summary>
[Description("Where a traveler lives.")]
internal sealed record HomeAddress(
    [property: JsonPropertyName("street"), Description("Street and house number.")]
    string Street,
    [property: JsonPropertyName("city"), Description("The city or town.")]
    string City,
    [property: JsonPropertyName("country_code"), Description("ISO 3166-1 alpha-2 code, e.g. 'NO'.")]
    string CountryCode);
