using System.ComponentModel;
using System.Text.Json.Serialization;

namespace McpClientGen.DemoServer;

/// <summary>
/// The structured result of the <c>plan_trip</c> tool: the request echoed back in the same shapes (nested object,
/// array of objects, dictionary, enum, formatted strings, nullable members) plus values computed from it.
/// </summary>
/// <remarks>
/// The SDK publishes every member as required and serializes with <c>WhenWritingNull</c>, so a null member would be
/// left out although the schema requires it. <c>notes</c> and <c>website</c> are always written (<c>null</c> when not
/// given), matching the schema; <c>budget_per_night_euros</c> keeps the SDK default and is left out when null,
/// because real SDK servers answer that way and clients must cope with both.
/// </remarks>
[Description("A planned trip.")]
internal sealed record TripPlan(
    [property: JsonPropertyName("traveler"), Description("Who is travelling.")]
    Traveler Traveler,
    [property: JsonPropertyName("legs"), Description("The stops in order, with their dates.")]
    IReadOnlyList<TripLeg> Legs,
    [property: JsonPropertyName("luggage"), Description("Pieces of luggage by kind.")]
    IReadOnlyDictionary<string, int> Luggage,
    [property: JsonPropertyName("mode"), Description("How the trip travels between stops.")]
    TransportMode Mode,
    [property: JsonPropertyName("start_date"), Description("The first day of the trip.")]
    DateOnly StartDate,
    [property: JsonPropertyName("end_date"), Description("The day the trip ends: the start date plus all nights.")]
    DateOnly EndDate,
    [property: JsonPropertyName("total_nights"), Description("The nights of all stops added up.")]
    int TotalNights,
    [property: JsonPropertyName("departure"), Description("When the traveler leaves home.")]
    DateTimeOffset Departure,
    [property: JsonPropertyName("booking_reference"), Description("The booking's reference.")]
    Guid BookingReference,
    [property: JsonPropertyName("notes"), JsonIgnore(Condition = JsonIgnoreCondition.Never), Description("The notes given, if any.")]
    string? Notes,
    [property: JsonPropertyName("website"), JsonIgnore(Condition = JsonIgnoreCondition.Never), Description("The web page given, if any.")]
    Uri? Website,
    [property: JsonPropertyName("budget_per_night_euros"), Description("The budget divided by the total nights, rounded down; absent without a budget.")]
    int? BudgetPerNightEuros);
