using System.ComponentModel;
using System.Text.Json.Serialization;

namespace McpClientGen.DemoServer;

/// <summary>One stop of a planned trip with its dates, as returned by <c>plan_trip</c>.</summary>
[Description("A stop of the planned trip with its dates.")]
internal sealed record TripLeg(
    [property: JsonPropertyName("city"), Description("The city stayed in.")]
    string City,
    [property: JsonPropertyName("nights"), Description("Nights spent there.")]
    int Nights,
    [property: JsonPropertyName("check_in"), Description("The day of arrival.")]
    DateOnly CheckIn,
    [property: JsonPropertyName("check_out"), Description("The day of departure.")]
    DateOnly CheckOut);
