using System.Globalization;
using System.Text.Json;
using McpClientGen;
#if !NATIVE_AOT
using McpClientGen.DemoServer;
#endif
using McpClientGen.QuickStart;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using ModelContextProtocol.Protocol;

// With no arguments: start the demo authorization server and MCP server in-process and call them.
// With --endpoint URL: call a real server; the client id, secret and the authorization server they belong to come from
// configuration (environment variables Mcp__ClientId / Mcp__ClientSecret / Mcp__AuthorizationServer / Mcp__Scopes, or
// user-secrets). The secret is sent only to the authorization server named there (or Mcp__TokenEndpoint), unless
// Mcp__TrustDiscoveredAuthorizationServer=true trusts the one the server's metadata names.
var configuration = new ConfigurationBuilder()
    .AddUserSecrets<IDemoClient>(optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args, new Dictionary<string, string> { ["--endpoint"] = "Mcp:Endpoint" })
    .Build();

var section = configuration.GetSection("Mcp");
#if NATIVE_AOT
// The native build leaves the in-process demo out (its servers are not built for Native AOT): point it at one.
if (section["Endpoint"] is not { Length: > 0 })
{
    Console.Error.WriteLine("This native build needs --endpoint URL and Mcp__ClientId / Mcp__ClientSecret / Mcp__AuthorizationServer.");
    return 2;
}

var options = McpConnectionOptions.FromConfiguration(section);
#else
DemoStack? stack = null;
McpConnectionOptions options;
if (section["Endpoint"] is { Length: > 0 })
{
    options = McpConnectionOptions.FromConfiguration(section);
}
else
{
    Console.WriteLine("Starting the demo stack (OpenIddict authorization server + MCP server) on 127.0.0.1 ...");
    stack = await DemoStack.StartAsync();
    options = new McpConnectionOptions
    {
        Endpoint = stack.McpEndpoint,
        ClientId = stack.ClientId,
        ClientSecret = stack.ClientSecret,
        AuthorizationServer = stack.Issuer, // the secret belongs to this issuer and is sent nowhere else
    };
    Console.WriteLine($"  MCP endpoint {stack.McpEndpoint}, issuer {stack.Issuer}");
}
#endif

try
{
    await using var demo = DemoClient.Create(options);

    var weather = await demo.GetWeatherAsync("Oslo");
    Console.WriteLine($"get_weather          -> {weather.City}: {weather.TemperatureCelsius.ToString(CultureInfo.InvariantCulture)} °C, {weather.Conditions}, {weather.HumidityPercent}% humidity");

    var ticket = await demo.CreateTicketAsync(title: "Printer on fire", priority: 5, urgent: true);
    Console.WriteLine($"create_ticket        -> {Text(ticket)}");

    var converted = await demo.ConvertTemperatureAsync(value: 100, to: IDemoClient.ConvertTemperatureTo.Fahrenheit);
    Console.WriteLine($"convert_temperature  -> {Text(converted)}");

    // Nested records, a list, a dictionary, an enum and dates in; a typed record with computed fields out.
    var trip = await demo.PlanTripAsync(new IDemoClient.PlanTripArguments
    {
        Traveler = new() { Name = "Ada", Home = new() { Street = "12 St James's Square", City = "London", CountryCode = "GB" } },
        Stops = [new() { City = "Paris", Nights = 2 }, new() { City = "Turin", Nights = 3 }],
        Luggage = new Dictionary<string, long> { ["suitcase"] = 1 },
        Mode = IDemoClient.Mode.Train,
        StartDate = new DateOnly(2030, 5, 1),
        Departure = new DateTimeOffset(2030, 5, 1, 8, 30, 0, TimeSpan.FromHours(1)),
        BookingReference = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
    });
    Console.WriteLine($"plan_trip            -> {string.Join(" → ", trip.Legs.Select(leg => leg.City))}, {trip.TotalNights} nights, back {trip.EndDate:yyyy-MM-dd}");

    // A tool without an output schema, typed by a declared result type; this client shares the first one's connection.
    await using var issues = new IssueClient(demo.Connection);
    var issue = await issues.GetIssueAsync("contoso", "widgets", issue_number: 42, IIssueClient.GetIssueDetail.Full);
    Console.WriteLine($"get_issue            -> #{issue.Number} {issue.Title} by {issue.User.Login}, labels {string.Join(", ", issue.Labels.Select(label => label.Name))}, opened {issue.CreatedAt:yyyy-MM-dd}");

    var quotient = await demo.DivideAsync(dividend: 7, divisor: 2);
    Console.WriteLine($"divide               -> {Text(quotient)}");

    try
    {
        await demo.DivideAsync(dividend: 1, divisor: 0);
    }
    catch (McpToolException error)
    {
        Console.WriteLine($"divide by zero       -> McpToolException: {error.ErrorText}");
    }

    // A typed prompt: its arguments are parameters, required ones first.
    var summary = await demo.GetSummarizeTicketPromptAsync(ticket: "T-1001", audience: "customers");
    Console.WriteLine($"summarize_ticket     -> {summary.Messages.Count} message(s): {string.Concat(summary.Messages.Select(message => (message.Content as TextContentBlock)?.Text))}");

    // Typed resources: a fixed URI, and a template whose variable is percent-encoded into the URI.
    var readme = await demo.ReadReadmeResourceAsync();
    Console.WriteLine($"readme resource      -> {readme.GetText().Split('\n')[0]}");
    var note = await demo.ReadNoteResourceAsync(name: "to do/héllo");
    Console.WriteLine($"note resource        -> {note.Contents[0].Uri} = {note.GetText()}");

    // The same tools as Microsoft.Extensions.AI functions for an agent, described by the snapshot (no tools/list).
    var aiTools = demo.AsAITools();
    var getWeather = aiTools.OfType<AIFunction>().Single(function => function.Name == "get_weather");
    var asAgentTool = (JsonElement)(await getWeather.InvokeAsync(new AIFunctionArguments { ["city"] = "Oslo" }))!;
    Console.WriteLine($"AsAITools            -> {aiTools.Count} functions; get_weather for an agent: {asAgentTool.GetProperty("structuredContent")}");

#if !NATIVE_AOT
    if (stack is not null)
    {
        Console.WriteLine($"Access tokens requested from the authorization server: {stack.TokenRequestCount}");
    }
#endif

    return 0;
}
catch (Exception error) when (error is McpAuthenticationException or HttpRequestException or InvalidOperationException)
{
    Console.Error.WriteLine($"QuickStart failed: {error.Message}");
    return 1;
}
finally
{
#if !NATIVE_AOT
    if (stack is not null)
    {
        await stack.DisposeAsync();
    }
#endif
}

static string Text(CallToolResult result) =>
    string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text));
