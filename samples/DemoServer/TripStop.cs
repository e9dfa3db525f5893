using System.ComponentModel;
using System.Text.Json.Serialization;

namespace McpClientGen.DemoServer;

/// <summary>One place to stay, as requested in a <c>plan_trip</c> call (an item of an array-of-objects parameter).</summary>
[Description("A place to stay.")]
internal sealed record TripStop(
    [property: JsonPropertyName("city"), Description("The city to stay in.")]
    string City,
    [property: JsonPropertyName("nights"), Description("How many nights to stay; at least 1.")]
    int Nights);
