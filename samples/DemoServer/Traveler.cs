using System.ComponentModel;
using System.Text.Json.Serialization;

namespace McpClientGen.DemoServer;

/// <summary>The person a <c>plan_trip</c> call plans for; an object parameter that contains another object.</summary>
[Description("The person travelling.")]
internal sealed record Traveler(
    [property: JsonPropertyName("name"), Description("The traveler's full name.")]
    string Name,
    [property: JsonPropertyName("home"), Description("Where the trip starts and ends.")]
    HomeAddress Home);
