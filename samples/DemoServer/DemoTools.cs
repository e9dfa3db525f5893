using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace McpClientGen.DemoServer;

/// <summary>
/// The demo server's attribute-declared tools, so their schemas are exactly what the SDK generates. Between them they
/// use strings, integers, numbers, booleans, string enums, optional and nullable parameters, a tool error, and (in
/// <c>plan_trip</c>) a nested object, an array of objects, a dictionary, the string formats date, date-time, uuid and
/// uri, and structured output echoing all of these; <c>find_office</c> has a parameter mirrored in an
/// <c>Mcp-Param-*</c> header, which the server requires. <c>create_ticket</c> needs the scope <c>demo.write</c> and
/// <c>purge_tickets</c> the scope <c>demo.admin</c> (see <see cref="RequiredScopeAttribute"/>); the others only a valid
/// token. <see cref="EchoShapesTool"/> adds the hand-written schema
/// shapes the SDK never produces.
/// </summary>
/// <param name="tickets">Numbers for created tickets.</param>
[McpServerToolType]
internal sealed class DemoTools(TicketNumberSequence tickets)
{
    [McpServerTool(Name = "create_ticket", Title = "Create ticket", Destructive = false, Idempotent = false)]
    [Description("Opens a support ticket and returns its number.")]
    [RequiredScope(DemoScopes.Write)]
    public string CreateTicket(
        [Description("A one-line summary of the problem.")] string title,
        [Description("1 (lowest) to 5 (highest).")][Range(1, 5)] int priority,
        [Description("Whether someone should be paged right away.")] bool urgent)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new McpException("The title must not be empty.");
        }

        if (priority is < 1 or > 5)
        {
            throw new McpException("The priority must be between 1 and 5.");
        }

        var urgency = urgent ? ", urgent" : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture, $"Created ticket T-{tickets.Next()}: {title.Trim()} (priority {priority}{urgency})");
    }

    [McpServerTool(Name = "convert_temperature", Title = "Convert temperature", ReadOnly = true, Idempotent = true)]
    [Description("Converts a temperature from one scale to another.")]
    public static string ConvertTemperature(
        [Description("The temperature to convert.")] double value,
        [Description("The scale to convert to.")] TemperatureUnit to,
        [Description("The scale of the given value.")] TemperatureUnit from = TemperatureUnit.Celsius)
    {
        var celsius = from switch
        {
            TemperatureUnit.Fahrenheit => (value - 32) * 5 / 9,
            TemperatureUnit.Kelvin => value - 273.15,
            _ => value,
        };
        if (celsius < -273.15)
        {
            throw new McpException("The temperature is below absolute zero.");
        }

        var converted = to switch
        {
            TemperatureUnit.Fahrenheit => celsius * 9 / 5 + 32,
            TemperatureUnit.Kelvin => celsius + 273.15,
            _ => celsius,
        };
        return string.Create(
            CultureInfo.InvariantCulture, $"{value} {Symbol(from)} = {Math.Round(converted, 2)} {Symbol(to)}");
    }

    [McpServerTool(Name = "get_weather", Title = "Get weather", ReadOnly = true, Idempotent = true, UseStructuredContent = true)]
    [Description("Reports the current weather in a city. The demo derives it from the city's name, so it never changes.")]
    public static WeatherReport GetWeather([Description("The city's name, e.g. 'Oslo'.")] string city)
    {
        if (string.IsNullOrWhiteSpace(city))
        {
            throw new McpException("The city must not be empty.");
        }

        return DemoWeather.For(city);
    }

    [McpServerTool(Name = "divide", Title = "Divide", ReadOnly = true, Idempotent = true)]
    [Description("Divides one number by another.")]
    public static string Divide(
        [Description("The number to divide.")] double dividend,
        [Description("The number to divide by; must not be zero.")] double divisor)
    {
        if (divisor == 0)
        {
            throw new McpException("Cannot divide by zero.");
        }

        return (dividend / divisor).ToString(CultureInfo.InvariantCulture);
    }

    [McpServerTool(Name = "plan_trip", Title = "Plan trip", ReadOnly = true, Idempotent = true, UseStructuredContent = true)]
    [Description("Plans a trip through the given stops and returns the plan with its dates. The demo books nothing; the same request always gives the same plan.")]
    public static TripPlan PlanTrip(
        [Description("Who is travelling.")] Traveler traveler,
        [Description("The places to stay, in order; at least one.")] IReadOnlyList<TripStop> stops,
        [Description("Pieces of luggage by kind, e.g. {\"suitcase\": 1}; may be empty.")] Dictionary<string, int> luggage,
        [Description("How to travel between stops.")] TransportMode mode,
        [Description("The first day of the trip.")] DateOnly startDate,
        [Description("When the traveler leaves home, with its UTC offset.")] DateTimeOffset departure,
        [Description("The booking's reference.")] Guid bookingReference,
        [Description("Free-text notes to keep with the plan.")] string? notes = null,
        [Description("The whole trip's budget in euros; must not be negative.")] int? budgetEuros = null,
        [Description("A web page about the trip.")] Uri? website = null)
    {
        if (string.IsNullOrWhiteSpace(traveler?.Name) || traveler.Home is null)
        {
            throw new McpException("The traveler needs a name and a home address.");
        }

        if (stops is null || stops.Count == 0)
        {
            throw new McpException("The trip needs at least one stop.");
        }

        if (stops.Any(stop => string.IsNullOrWhiteSpace(stop?.City) || stop.Nights < 1))
        {
            throw new McpException("Every stop needs a city and at least one night.");
        }

        if (luggage is null || luggage.Values.Any(count => count < 0))
        {
            throw new McpException("Luggage counts must not be negative.");
        }

        if (budgetEuros < 0)
        {
            throw new McpException("The budget must not be negative.");
        }

        var legs = new List<TripLeg>(stops.Count);
        var checkIn = startDate;
        foreach (var stop in stops)
        {
            var checkOut = checkIn.AddDays(stop.Nights);
            legs.Add(new TripLeg(stop.City, stop.Nights, checkIn, checkOut));
            checkIn = checkOut;
        }

        var totalNights = stops.Sum(stop => stop.Nights);
        return new TripPlan(
            Traveler: traveler,
            Legs: legs,
            Luggage: luggage,
            Mode: mode,
            StartDate: startDate,
            EndDate: checkIn,
            TotalNights: totalNights,
            Departure: departure,
            BookingReference: bookingReference,
            Notes: notes,
            Website: website,
            BudgetPerNightEuros: budgetEuros / totalNights);
    }

    [McpServerTool(Name = "find_office", Title = "Find office", ReadOnly = true, Idempotent = true)]
    [Description("Names the support office for a region. The region is mirrored in the Mcp-Param-Region header, so gateways can route the call without reading its body.")]
    public static string FindOffice([Description("One of eu, us, apac.")][McpHeader("Region")] string region) => region switch
    {
        "eu" => "Oslo",
        "us" => "Seattle",
        "apac" => "Singapore",
        _ => throw new McpException($"There is no office for the region '{region}'."),
    };

    [McpServerTool(Name = "purge_tickets", Title = "Purge tickets", Destructive = true, Idempotent = true)]
    [Description("Deletes every support ticket. Needs the demo.admin scope, which no demo client is permitted.")]
    [RequiredScope(DemoScopes.Admin)]
    public static string PurgeTickets() =>
        // Never reached through the demo stack: the scope challenge answers first and the authorization server refuses
        // demo.admin. It exists so that tests can watch a step-up fail.
        "Purged all tickets.";

    private static string Symbol(TemperatureUnit unit) => unit switch
    {
        TemperatureUnit.Fahrenheit => "°F",
        TemperatureUnit.Kelvin => "K",
        _ => "°C",
    };
}
