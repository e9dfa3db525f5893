using System.Collections.Concurrent;
using System.Text.Json;
using McpClientGen.DemoServer;
using Microsoft.Extensions.Logging;
using static McpClientGen.IntegrationTests.IDemoClient;

namespace McpClientGen.IntegrationTests;

/// <summary>
/// The generated <see cref="DemoClient"/> calling <c>plan_trip</c> and <c>echo_shapes</c> on the live demo server:
/// every schema shape the generator maps (nested records, enums, arrays, dictionaries, <c>$ref</c>/<c>$defs</c> with
/// recursion, <c>allOf</c>, nullable values, string formats) goes out through the generated writers and comes back
/// through the generated readers. <see cref="DemoShapeToolsTests"/> pins down the same tools with the plain SDK.
/// </summary>
public sealed class GeneratedShapesEndToEndTests(DemoStackFixture fixture) : IClassFixture<DemoStackFixture>
{
    private static readonly Traveler Ada = new()
    {
        Name = "Ada Lovelace",
        Home = new TravelerHome { Street = "12 St James's Square", City = "London", CountryCode = "GB" },
    };

    private static readonly DateTimeOffset EightThirtyInLondonSummer = new(2030, 5, 1, 8, 30, 0, TimeSpan.FromHours(1));

    private static readonly PlanTripArguments Trip = new()
    {
        Traveler = Ada,
        Stops = [new() { City = "Paris", Nights = 2 }, new() { City = "Turin", Nights = 3 }],
        Luggage = new Dictionary<string, long> { ["suitcase"] = 1, ["backpack"] = 2 },
        Mode = Mode.Train,
        StartDate = new DateOnly(2030, 5, 1),
        Departure = EightThirtyInLondonSummer,
        BookingReference = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        Notes = "window seat",
        BudgetEuros = 1234,
        Website = new Uri("https://example.com/trips/ada"),
    };

    private static readonly EchoShapesArguments Echo = new()
    {
        Id = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"),
        CreatedAt = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Status = Status.InProgress,
        Tags = ["a", "b"],
        Scores = new Dictionary<string, double> { ["x"] = 1.5, ["y"] = -2 },
        Nickname = null,
        Owner = new Person { Name = "Ann" },
        Location = new Location { Latitude = 59.9, Longitude = 10.75 },
        Tree = new TreeNode { Label = "root" },
    };

    private DemoClient Client => fixture.Client;

    // ---- plan_trip ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Plan_trip_returns_the_traveler_with_its_nested_home_record()
    {
        var plan = await Client.PlanTripAsync(Trip);

        // Both records hold only strings, so record equality compares every value.
        Assert.Equal(Ada, plan.Traveler);
        Assert.Equal("GB", plan.Traveler.Home.CountryCode);
    }

    [Fact]
    public async Task Plan_trip_turns_the_array_of_stops_into_legs_with_consecutive_dates()
    {
        var plan = await Client.PlanTripAsync(Trip);

        Assert.Equal(
            [
                new PlanTripResultLeg { City = "Paris", Nights = 2, CheckIn = new DateOnly(2030, 5, 1), CheckOut = new DateOnly(2030, 5, 3) },
                new PlanTripResultLeg { City = "Turin", Nights = 3, CheckIn = new DateOnly(2030, 5, 3), CheckOut = new DateOnly(2030, 5, 6) },
            ],
            plan.Legs);
    }

    [Fact]
    public async Task Plan_trip_computes_total_nights_end_date_and_budget_per_night_rounded_down()
    {
        var plan = await Client.PlanTripAsync(Trip);

        Assert.Equal(5, plan.TotalNights);
        Assert.Equal(new DateOnly(2030, 5, 1), plan.StartDate);
        Assert.Equal(new DateOnly(2030, 5, 6), plan.EndDate);
        Assert.Equal(246, plan.BudgetPerNightEuros); // 1234 / 5
    }

    [Fact]
    public async Task Plan_trip_round_trips_the_luggage_dictionary()
    {
        var plan = await Client.PlanTripAsync(Trip with
        {
            Luggage = new Dictionary<string, long> { ["suitcase"] = 1, ["carry-on bag"] = 3, ["Größe XL"] = 0 },
        });

        Assert.Equal(
            [new("Größe XL", 0), new("carry-on bag", 3), new("suitcase", 1)],
            plan.Luggage.OrderBy(entry => entry.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Plan_trip_round_trips_an_empty_luggage_dictionary()
    {
        var plan = await Client.PlanTripAsync(Trip with { Luggage = new Dictionary<string, long>() });

        Assert.Empty(plan.Luggage);
    }

    [Theory]
    [InlineData(Mode.Train)]
    [InlineData(Mode.Bus)]
    [InlineData(Mode.Car)]
    [InlineData(Mode.Plane)]
    public async Task Plan_trip_round_trips_every_transport_mode(Mode mode)
    {
        var plan = await Client.PlanTripAsync(Trip with { Mode = mode });

        Assert.Equal(mode, plan.Mode);
    }

    [Fact]
    public async Task Plan_trip_round_trips_date_time_with_its_offset_uuid_and_uri()
    {
        var plan = await Client.PlanTripAsync(Trip);

        // DateTimeOffset equality ignores the offset, so the offset is checked on its own.
        Assert.Equal(EightThirtyInLondonSummer, plan.Departure);
        Assert.Equal(TimeSpan.FromHours(1), plan.Departure.Offset);
        Assert.Equal(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), plan.BookingReference);
        Assert.Equal("https://example.com/trips/ada", plan.Website?.OriginalString);
        Assert.Equal("window seat", plan.Notes);
    }

    [Fact]
    public async Task Plan_trip_reads_notes_and_website_written_as_null_as_null()
    {
        var plan = await Client.PlanTripAsync(Trip with { Notes = null, Website = null });

        Assert.Null(plan.Notes);
        Assert.Null(plan.Website);
    }

    [Fact]
    public async Task Plan_trip_without_a_budget_reads_the_left_out_budget_per_night_as_null()
    {
        using var recorder = new JsonRpcRecorder();
        await using var client = fixture.CreateClient(recorder);

        var plan = await client.PlanTripAsync(Trip with { BudgetEuros = null });

        // The output schema requires the property, but the server leaves it out when it is null.
        var call = recorder.ToolCall("plan_trip");
        Assert.False(call.Arguments.TryGetProperty("budgetEuros", out _), call.Arguments.GetRawText());
        Assert.False(call.StructuredContent.TryGetProperty("budget_per_night_euros", out _), call.StructuredContent.GetRawText());
        Assert.Null(plan.BudgetPerNightEuros);
        Assert.Equal(5, plan.TotalNights);
    }

    [Fact]
    public async Task Plan_trip_flat_parameters_and_arguments_record_give_equal_results()
    {
        var fromRecord = await Client.PlanTripAsync(Trip);
        var fromParameters = await Client.PlanTripAsync(
            Ada,
            [new() { City = "Paris", Nights = 2 }, new() { City = "Turin", Nights = 3 }],
            new Dictionary<string, long> { ["suitcase"] = 1, ["backpack"] = 2 },
            Mode.Train,
            new DateOnly(2030, 5, 1),
            EightThirtyInLondonSummer,
            Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            notes: "window seat",
            budgetEuros: 1234,
            website: new Uri("https://example.com/trips/ada"));

        AssertSameValues(fromRecord, fromParameters);
    }

    [Fact]
    public async Task Plan_trip_sends_the_documented_request_json()
    {
        using var recorder = new JsonRpcRecorder();
        await using var client = fixture.CreateClient(recorder);

        await client.PlanTripAsync(Trip with { Notes = null });

        // notes is left out, not sent as null; property names are the tool's parameter names (camelCase).
        AssertJsonEqual(
            """
            {
              "traveler": { "name": "Ada Lovelace", "home": { "street": "12 St James's Square", "city": "London", "country_code": "GB" } },
              "stops": [ { "city": "Paris", "nights": 2 }, { "city": "Turin", "nights": 3 } ],
              "luggage": { "suitcase": 1, "backpack": 2 },
              "mode": "train",
              "startDate": "2030-05-01",
              "departure": "2030-05-01T08:30:00+01:00",
              "bookingReference": "0f8fad5b-d9cb-469f-a165-70867728950e",
              "budgetEuros": 1234,
              "website": "https://example.com/trips/ada"
            }
            """,
            recorder.ToolCall("plan_trip").Arguments);
    }

    [Fact]
    public async Task Plan_trip_error_surfaces_as_McpToolException_with_the_server_text()
    {
        var error = await Assert.ThrowsAsync<McpToolException>(
            () => Client.PlanTripAsync(Trip with { Stops = [new() { City = "Paris", Nights = 0 }] }));

        Assert.Equal("plan_trip", error.ToolName);
        Assert.Contains("Every stop needs a city and at least one night.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Every stop needs a city and at least one night.", error.ErrorText, StringComparison.Ordinal);
        Assert.True(error.Result.IsError);
    }

    // ---- echo_shapes --------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(Status.InProgress, "in-progress")]
    [InlineData(Status._2fa, "2fa")]
    [InlineData(Status.Done, "done")]
    [InlineData(Status.Über, "ÜBER")]
    public async Task Echo_shapes_sends_and_reads_enum_values_that_are_not_identifiers_exactly(Status status, string wireValue)
    {
        using var recorder = new JsonRpcRecorder();
        await using var client = fixture.CreateClient(recorder);

        var echoed = await client.EchoShapesAsync(Echo with { Status = status });

        var call = recorder.ToolCall("echo_shapes");
        Assert.Equal(wireValue, call.Arguments.GetProperty("status").GetString());
        Assert.Equal(wireValue, call.StructuredContent.GetProperty("status").GetString());
        Assert.Equal(status, echoed.Status);
    }

    [Fact]
    public async Task Echo_shapes_round_trips_a_three_level_recursive_tree()
    {
        var tree = new TreeNode
        {
            Label = "root",
            Children =
            [
                new TreeNode
                {
                    Label = "a",
                    Children = [new TreeNode { Label = "a1" }, new TreeNode { Label = "a2", Children = [] }],
                },
                new TreeNode { Label = "b" },
            ],
        };

        var echoed = await Client.EchoShapesAsync(Echo with { Tree = tree });

        AssertSameValues(tree, echoed.Tree);
        Assert.NotNull(echoed.Tree.Children);
        Assert.Equal(["a", "b"], echoed.Tree.Children.Select(child => child.Label));
        var a = echoed.Tree.Children[0];
        Assert.NotNull(a.Children);
        Assert.Equal(["a1", "a2"], a.Children.Select(child => child.Label));
        Assert.Null(a.Children[0].Children); // sent without a children property
        var emptyChildren = a.Children[1].Children; // sent as []
        Assert.NotNull(emptyChildren);
        Assert.Empty(emptyChildren);
        Assert.Null(echoed.Tree.Children[1].Children);
    }

    [Fact]
    public async Task Echo_shapes_uses_the_one_shared_Person_record_for_owner_and_reviewer()
    {
        var owner = new Person { Name = "Ann", Email = "ann@example.com" };
        var reviewer = new Person { Name = "Bob" };

        var echoed = await Client.EchoShapesAsync(Echo with { Owner = owner, Reviewer = reviewer });

        Assert.Equal(owner, echoed.Owner);
        Assert.Equal(reviewer, echoed.Reviewer);
        Assert.Equal(typeof(Person), typeof(EchoShapesResult).GetProperty(nameof(EchoShapesResult.Owner))!.PropertyType);
        Assert.Equal(typeof(Person), typeof(EchoShapesResult).GetProperty(nameof(EchoShapesResult.Reviewer))!.PropertyType);
    }

    [Fact]
    public async Task Echo_shapes_round_trips_the_allOf_location_with_properties_of_both_schemas()
    {
        var location = new Location { Latitude = 59.9, Longitude = 10.75, Label = "Oslo" };

        var echoed = await Client.EchoShapesAsync(Echo with { Location = location });

        Assert.Equal(location, echoed.Location);
    }

    [Fact]
    public async Task Echo_shapes_round_trips_an_array_of_strings_in_order()
    {
        var echoed = await Client.EchoShapesAsync(Echo with { Tags = ["zeta", "alpha", "", "alpha", "ümlaut \"quoted\""] });

        Assert.Equal(["zeta", "alpha", "", "alpha", "ümlaut \"quoted\""], echoed.Tags);
    }

    [Fact]
    public async Task Echo_shapes_round_trips_a_dictionary_of_numbers()
    {
        var echoed = await Client.EchoShapesAsync(
            Echo with { Scores = new Dictionary<string, double> { ["x"] = 1.5, ["y"] = -2, ["with space"] = 1e-7 } });

        Assert.Equal(
            [new("with space", 1e-7), new("x", 1.5), new("y", -2)],
            echoed.Scores.OrderBy(entry => entry.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Nan")]
    public async Task Echo_shapes_round_trips_the_required_nullable_nickname(string? nickname)
    {
        var echoed = await Client.EchoShapesAsync(Echo with { Nickname = nickname });

        Assert.Equal(nickname, echoed.Nickname);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    [InlineData(3L)]
    public async Task Echo_shapes_round_trips_the_optional_nullable_retries(long? retries)
    {
        var echoed = await Client.EchoShapesAsync(Echo with { Retries = retries });

        Assert.Equal(retries, echoed.Retries);
    }

    [Fact]
    public async Task Echo_shapes_round_trips_a_uuid_and_a_date_time_with_its_offset()
    {
        var id = Guid.Parse("b1c0ffee-0000-4000-8000-0000000000ab");
        var createdAt = new DateTimeOffset(2030, 12, 31, 23, 59, 58, 125, TimeSpan.FromHours(1));

        var echoed = await Client.EchoShapesAsync(Echo with { Id = id, CreatedAt = createdAt });

        Assert.Equal(id, echoed.Id);
        Assert.Equal(createdAt, echoed.CreatedAt);
        Assert.Equal(TimeSpan.FromHours(1), echoed.CreatedAt.Offset);
    }

    [Fact]
    public async Task Echo_shapes_flat_parameters_and_arguments_record_give_equal_results()
    {
        var arguments = Echo with
        {
            Status = Status._2fa,
            Nickname = "Nan",
            Retries = 2,
            Reviewer = new Person { Name = "Bob", Email = "bob@example.com" },
            Location = new Location { Latitude = 1, Longitude = 2, Label = "here" },
            Tree = new TreeNode { Label = "root", Children = [new TreeNode { Label = "leaf", Children = [] }] },
        };

        var fromRecord = await Client.EchoShapesAsync(arguments);
        var fromParameters = await Client.EchoShapesAsync(
            Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"),
            new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Status._2fa,
            ["a", "b"],
            new Dictionary<string, double> { ["x"] = 1.5, ["y"] = -2 },
            "Nan",
            new Person { Name = "Ann" },
            new Location { Latitude = 1, Longitude = 2, Label = "here" },
            new TreeNode { Label = "root", Children = [new TreeNode { Label = "leaf", Children = [] }] },
            retries: 2,
            reviewer: new Person { Name = "Bob", Email = "bob@example.com" });

        AssertSameValues(fromRecord, fromParameters);
    }

    [Fact]
    public async Task Echo_shapes_sends_exactly_the_expected_json_and_the_server_receives_it_unchanged()
    {
        using var recorder = new JsonRpcRecorder();
        await using var client = fixture.CreateClient(recorder);

        await client.EchoShapesAsync(Echo with { Status = Status.Über });

        // Optional properties left null (retries, reviewer, owner.email, location.label, tree.children) are absent;
        // the required-nullable nickname is present as null.
        const string Expected = """
            {
              "id": "6f9619ff-8b86-d011-b42d-00c04fc964ff",
              "created_at": "2030-01-02T03:04:05+00:00",
              "status": "ÜBER",
              "tags": ["a", "b"],
              "scores": { "x": 1.5, "y": -2 },
              "nickname": null,
              "owner": { "name": "Ann" },
              "location": { "latitude": 59.9, "longitude": 10.75 },
              "tree": { "label": "root" }
            }
            """;
        var call = recorder.ToolCall("echo_shapes");
        AssertJsonEqual(Expected, call.Arguments);
        AssertJsonEqual(Expected, call.StructuredContent);
        Assert.Equal(JsonValueKind.Null, call.Arguments.GetProperty("nickname").ValueKind);
        Assert.False(call.Arguments.TryGetProperty("retries", out _));
        Assert.False(call.Arguments.TryGetProperty("reviewer", out _));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    // The generated records hold lists and dictionaries, whose Equals compares references. Their JSON compares the
    // values instead: lists in order, DateTimeOffset with its offset, Uri by its original string.
    private static void AssertSameValues<T>(T expected, T actual)
    {
        var expectedJson = JsonSerializer.SerializeToElement(expected);
        var actualJson = JsonSerializer.SerializeToElement(actual);
        Assert.True(
            JsonElement.DeepEquals(expectedJson, actualJson),
            $"Expected: {expectedJson.GetRawText()}{Environment.NewLine}Actual:   {actualJson.GetRawText()}");
    }

    // Compares parsed JSON, not text: the client escapes characters such as Ü and + that the literal does not.
    private static void AssertJsonEqual(string expected, JsonElement actual)
    {
        using var expectedDocument = JsonDocument.Parse(expected);
        Assert.True(
            JsonElement.DeepEquals(expectedDocument.RootElement, actual),
            $"Expected: {expectedDocument.RootElement.GetRawText()}{Environment.NewLine}Actual:   {actual.GetRawText()}");
    }
}

/// <summary>One demo stack for all tests of a class, with one generated client on it.</summary>
public sealed class DemoStackFixture : IAsyncLifetime
{
    private DemoStack? _stack;
    private DemoClient? _client;

    /// <summary>The running stack.</summary>
    public DemoStack Stack => _stack ?? throw new InvalidOperationException("The demo stack has not been started.");

    /// <summary>A client shared by the tests that only look at typed results.</summary>
    public DemoClient Client => _client ?? throw new InvalidOperationException("The demo stack has not been started.");

    /// <summary>A client of its own, logging to <paramref name="loggerFactory"/>; dispose it.</summary>
    public DemoClient CreateClient(ILoggerFactory loggerFactory) => DemoClient.Create(Stack.ClientOptions(), loggerFactory: loggerFactory);

    public async Task InitializeAsync()
    {
        _stack = await DemoStack.StartAsync();
        _client = DemoClient.Create(Stack.ClientOptions());
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }
}

/// <summary>
/// Sees the JSON-RPC messages one client sends and receives, through the MCP SDK's trace-level transport logs
/// ("transport sending message" / "transport received message", whose <c>Message</c> value is the raw JSON). This is
/// what the generated code actually put on the wire, without declaring a second client or touching the runtime.
/// </summary>
internal sealed class JsonRpcRecorder : ILoggerFactory, ILogger
{
    private readonly ConcurrentQueue<JsonElement> _messages = new();

    /// <summary>A tool call's <c>arguments</c> as sent, and the <c>structuredContent</c> of its response as received.</summary>
    public (JsonElement Arguments, JsonElement StructuredContent) ToolCall(string toolName)
    {
        var messages = _messages.ToArray();
        var request = messages.FirstOrDefault(message =>
            message.TryGetProperty("method", out var method) && method.ValueEquals("tools/call")
            && message.GetProperty("params").GetProperty("name").ValueEquals(toolName));
        Assert.True(
            request.ValueKind == JsonValueKind.Object,
            $"No tools/call request for '{toolName}' was logged; the MCP SDK may have changed its trace messages.");
        var id = request.GetProperty("id").GetRawText();
        var response = messages.FirstOrDefault(message =>
            message.TryGetProperty("result", out _) && message.TryGetProperty("id", out var responseId) && responseId.GetRawText() == id);
        Assert.True(response.ValueKind == JsonValueKind.Object, $"No response to the tools/call request {id} was logged.");
        return (request.GetProperty("params").GetProperty("arguments"), response.GetProperty("result").GetProperty("structuredContent"));
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel == LogLevel.Trace;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            return;
        }

        foreach (var (key, value) in values)
        {
            if (key == "Message" && value is string json && TryParseJsonRpc(json, out var message))
            {
                _messages.Enqueue(message);
            }
        }
    }

    public void Dispose()
    {
    }

    private static bool TryParseJsonRpc(string text, out JsonElement message)
    {
        message = default;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("jsonrpc", out _))
            {
                return false;
            }

            message = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
