using System.Text.Json;
using McpClientGen.Serialization;

namespace McpClientGen.Tests;

/// <summary>
/// The reflection-free reader that generated code uses for tool results, and the argument writer it uses for
/// tool calls. Every error must name the property and the tool, and must never repeat the value it rejected.
/// </summary>
public sealed class ToolResultReaderTests
{
    private const string Tool = "crm.findCustomer";
    private const string Property = "customerId";

    // ---- Valid values -------------------------------------------------------------------------------------

    [Fact]
    public void ReadString_reads_a_string() =>
        Assert.Equal("Ada Lovelace", ToolResultReader.ReadString(Json("\"Ada Lovelace\""), Property, Tool));

    [Fact]
    public void ReadString_reads_escapes_and_the_empty_string()
    {
        Assert.Equal("a\"b\\c\né", ToolResultReader.ReadString(Json("\"a\\\"b\\\\c\\n\\u00e9\""), Property, Tool));
        Assert.Equal(string.Empty, ToolResultReader.ReadString(Json("\"\""), Property, Tool));
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("42", 42L)]
    [InlineData("-7", -7L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void ReadInt64_reads_integers(string json, long expected) =>
        Assert.Equal(expected, ToolResultReader.ReadInt64(Json(json), Property, Tool));

    [Theory]
    [InlineData("0", 0)]
    [InlineData("42", 42)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("-2147483648", int.MinValue)]
    public void ReadInt32_reads_integers_in_range(string json, int expected) =>
        Assert.Equal(expected, ToolResultReader.ReadInt32(Json(json), Property, Tool));

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("-0.25", -0.25)]
    [InlineData("3", 3.0)]
    [InlineData("6.02e23", 6.02e23)]
    public void ReadDouble_reads_numbers(string json, double expected) =>
        Assert.Equal(expected, ToolResultReader.ReadDouble(Json(json), Property, Tool));

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void ReadBoolean_reads_booleans(string json, bool expected) =>
        Assert.Equal(expected, ToolResultReader.ReadBoolean(Json(json), Property, Tool));

    [Fact]
    public void ReadDateOnly_reads_a_full_date() =>
        Assert.Equal(new DateOnly(2030, 5, 1), ToolResultReader.ReadDateOnly(Json("\"2030-05-01\""), Property, Tool));

    [Fact]
    public void ReadDateTimeOffset_keeps_the_offset()
    {
        var instant = ToolResultReader.ReadDateTimeOffset(Json("\"2030-05-01T08:30:00+01:00\""), Property, Tool);

        Assert.Equal(TimeSpan.FromHours(1), instant.Offset);
        Assert.Equal(new DateTime(2030, 5, 1, 8, 30, 0, DateTimeKind.Unspecified), instant.DateTime);
        Assert.Equal(new DateTimeOffset(2030, 5, 1, 7, 30, 0, TimeSpan.Zero), instant.ToUniversalTime());
    }

    [Fact]
    public void ReadDateTimeOffset_reads_utc_and_fractions()
    {
        var instant = ToolResultReader.ReadDateTimeOffset(Json("\"2030-05-01T08:30:00.125Z\""), Property, Tool);

        Assert.Equal(TimeSpan.Zero, instant.Offset);
        Assert.Equal(new DateTimeOffset(2030, 5, 1, 8, 30, 0, 125, TimeSpan.Zero), instant);
    }

    [Theory]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("3F2504E0-4F89-11D3-9A0C-0305E82C3301")]
    public void ReadGuid_reads_a_uuid(string text) =>
        Assert.Equal(Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), ToolResultReader.ReadGuid(Json($"\"{text}\""), Property, Tool));

    [Fact]
    public void ReadUri_reads_an_absolute_uri()
    {
        var uri = ToolResultReader.ReadUri(Json("\"https://example.com/customers/42?expand=orders\""), Property, Tool);

        Assert.True(uri.IsAbsoluteUri);
        Assert.Equal("example.com", uri.Host);
        Assert.Equal("/customers/42", uri.AbsolutePath);
        Assert.Equal("?expand=orders", uri.Query);
    }

    [Theory]
    [InlineData("/customers/42")]
    [InlineData("customers/42")]
    [InlineData("../up")]
    [InlineData("")]
    public void ReadUri_reads_a_relative_reference(string text)
    {
        var uri = ToolResultReader.ReadUri(Json(JsonSerializer.Serialize(text)), Property, Tool);

        Assert.False(uri.IsAbsoluteUri);
        Assert.Equal(text, uri.OriginalString);
    }

    [Fact]
    public void ArrayLength_counts_the_items()
    {
        Assert.Equal(3, ToolResultReader.ArrayLength(Json("[1, \"two\", null]"), Property, Tool));
        Assert.Equal(0, ToolResultReader.ArrayLength(Json("[]"), Property, Tool));
    }

    [Fact]
    public void EnsureObject_accepts_an_object()
    {
        ToolResultReader.EnsureObject(Json("{}"), Property, Tool);
        ToolResultReader.EnsureObject(Json("{\"a\":1}"), Property, Tool);
    }

    // ---- Properties ---------------------------------------------------------------------------------------

    [Fact]
    public void TryGetProperty_finds_a_present_value()
    {
        Assert.True(ToolResultReader.TryGetProperty(Json("{\"name\":\"Ada\"}"), "name", out var value));
        Assert.Equal("Ada", value.GetString());
    }

    [Fact]
    public void TryGetProperty_is_false_for_an_absent_property() =>
        Assert.False(ToolResultReader.TryGetProperty(Json("{\"other\":1}"), "name", out _));

    [Fact]
    public void TryGetProperty_is_false_for_a_null_property() =>
        Assert.False(ToolResultReader.TryGetProperty(Json("{\"name\":null}"), "name", out _));

    [Fact]
    public void TryGetProperty_is_case_sensitive() =>
        Assert.False(ToolResultReader.TryGetProperty(Json("{\"Name\":\"Ada\"}"), "name", out _));

    [Fact]
    public void TryGetProperty_finds_falsy_values_that_are_not_null()
    {
        Assert.True(ToolResultReader.TryGetProperty(Json("{\"a\":false}"), "a", out _));
        Assert.True(ToolResultReader.TryGetProperty(Json("{\"a\":0}"), "a", out _));
        Assert.True(ToolResultReader.TryGetProperty(Json("{\"a\":\"\"}"), "a", out _));
    }

    [Fact]
    public void RequiredProperty_returns_a_present_value() =>
        Assert.Equal(42, ToolResultReader.RequiredProperty(Json("{\"customerId\":42}"), Property, Tool).GetInt32());

    [Fact]
    public void RequiredProperty_on_a_missing_property_names_the_property_and_the_tool()
    {
        var error = Assert.Throws<McpToolResultException>(() =>
            ToolResultReader.RequiredProperty(Json("{\"name\":\"Ada\"}"), Property, Tool));

        Assert.Equal(Tool, error.ToolName);
        Assert.Contains($"'{Property}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{Tool}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Readers_ignore_properties_they_do_not_ask_for()
    {
        var result = Json("""
            {
              "unknownFirst": {"nested": [1, 2, {"deep": true}]},
              "customerId": 42,
              "name": "Ada",
              "addedByANewerServer": "whatever",
              "alsoNew": null
            }
            """);

        ToolResultReader.EnsureObject(result, "result", Tool);
        Assert.Equal(42, ToolResultReader.ReadInt32(ToolResultReader.RequiredProperty(result, Property, Tool), Property, Tool));
        Assert.Equal("Ada", ToolResultReader.ReadString(ToolResultReader.RequiredProperty(result, "name", Tool), "name", Tool));
    }

    // ---- Wrong JSON types ---------------------------------------------------------------------------------

    public static TheoryData<string, string, string> WrongTypes() => new()
    {
        // reader, JSON value, the JSON kind the message must report
        { nameof(ToolResultReader.ReadString), "42", "number" },
        { nameof(ToolResultReader.ReadString), "null", "null" },
        { nameof(ToolResultReader.ReadString), "{}", "object" },
        { nameof(ToolResultReader.ReadInt64), "\"42\"", "string" },
        { nameof(ToolResultReader.ReadInt64), "true", "true" },
        { nameof(ToolResultReader.ReadInt32), "\"42\"", "string" },
        { nameof(ToolResultReader.ReadInt32), "[]", "array" },
        { nameof(ToolResultReader.ReadDouble), "\"1.5\"", "string" },
        { nameof(ToolResultReader.ReadDouble), "null", "null" },
        { nameof(ToolResultReader.ReadBoolean), "\"true\"", "string" },
        { nameof(ToolResultReader.ReadBoolean), "1", "number" },
        { nameof(ToolResultReader.ReadDateOnly), "20300501", "number" },
        { nameof(ToolResultReader.ReadDateTimeOffset), "1893456000", "number" },
        { nameof(ToolResultReader.ReadGuid), "{}", "object" },
        { nameof(ToolResultReader.ReadUri), "false", "false" },
        { nameof(ToolResultReader.ArrayLength), "{}", "object" },
        { nameof(ToolResultReader.ArrayLength), "\"[1,2]\"", "string" },
        { nameof(ToolResultReader.ArrayLength), "null", "null" },
        { nameof(ToolResultReader.EnsureObject), "[]", "array" },
        { nameof(ToolResultReader.EnsureObject), "\"{}\"", "string" },
        { nameof(ToolResultReader.EnsureObject), "null", "null" },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public void A_wrong_json_type_names_the_property_the_tool_and_the_kind_found(string reader, string json, string kind)
    {
        var error = Assert.Throws<McpToolResultException>(() => Read(reader, Json(json)));

        Assert.Equal(Tool, error.ToolName);
        Assert.Contains($"property '{Property}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"MCP tool '{Tool}'", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"but is a JSON {kind}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_json_type_message_has_the_documented_shape()
    {
        var error = Assert.Throws<McpToolResultException>(() => ToolResultReader.ReadString(Json("42"), Property, Tool));

        Assert.Equal(
            $"The result of MCP tool '{Tool}' does not match its snapshot: property '{Property}' should be a string but is a JSON number.",
            error.Message);
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("9223372036854775807")]
    public void ReadInt32_rejects_a_number_beyond_the_int_range(string json)
    {
        var error = Assert.Throws<McpToolResultException>(() => ToolResultReader.ReadInt32(Json(json), Property, Tool));

        Assert.Equal(Tool, error.ToolName);
        Assert.Contains($"'{Property}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("a 32-bit integer", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("9223372036854775808")]
    public void ReadInt64_rejects_fractions_and_numbers_beyond_the_long_range(string json)
    {
        var error = Assert.Throws<McpToolResultException>(() => ToolResultReader.ReadInt64(Json(json), Property, Tool));

        Assert.Equal(Tool, error.ToolName);
        Assert.Contains($"'{Property}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("an integer", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.0", 1L)]
    [InlineData("1e3", 1000L)]
    [InlineData("-2.0E1", -20L)]
    public void ReadInt64_accepts_integral_numbers_written_with_a_fraction_or_exponent(string json, long expected) =>
        Assert.Equal(expected, ToolResultReader.ReadInt64(Json(json), Property, Tool));

    [Theory]
    [InlineData("3e9")]
    [InlineData("2147483648")]
    public void ReadInt32_rejects_integral_numbers_beyond_the_int_range(string json) =>
        Assert.Throws<McpToolResultException>(() => ToolResultReader.ReadInt32(Json(json), Property, Tool));

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    public void ReadDouble_rejects_numbers_that_overflow_to_infinity(string json)
    {
        var error = Assert.Throws<McpToolResultException>(() => ToolResultReader.ReadDouble(Json(json), Property, Tool));

        Assert.Contains("a finite number", error.Message, StringComparison.Ordinal);
    }

    // ---- Wrong formats ------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2030-5-1")]
    [InlineData("2030-05-01T00:00:00Z")]
    [InlineData("2030-02-30")]
    [InlineData("01/05/2030")]
    [InlineData(" 2030-05-01")]
    [InlineData("")]
    public void ReadDateOnly_rejects_anything_but_yyyy_MM_dd(string text)
    {
        var error = Assert.Throws<McpToolResultException>(() => ToolResultReader.ReadDateOnly(Json(JsonSerializer.Serialize(text)), Property, Tool));

        Assert.Equal(Tool, error.ToolName);
        Assert.Contains($"property '{Property}' should be a date (yyyy-MM-dd) but the string does not parse as one.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a date")]
    [InlineData("2030-13-01T00:00:00Z")]
    [InlineData("2030-05-01T25:00:00Z")]
    public void ReadDateTimeOffset_rejects_a_string_that_is_no_date_time(string text)
    {
        var error = Assert.Throws<McpToolResultException>(() => ToolResultReader.ReadDateTimeOffset(Json(JsonSerializer.Serialize(text)), Property, Tool));

        Assert.Equal(Tool, error.ToolName);
        Assert.Contains($"property '{Property}' should be a date-time with an offset but the string does not parse as one.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2030-05-01")]
    [InlineData("2030-05-01T08:30:00")]
    public void ReadDateTimeOffset_rejects_a_date_time_without_an_offset(string text)
    {
        // RFC 3339 requires an offset (or Z). Without one, JsonElement.TryGetDateTimeOffset assumes the local time
        // zone of the machine, so the same result would read as a different instant on different machines.
        var error = Assert.Throws<McpToolResultException>(() => ToolResultReader.ReadDateTimeOffset(Json(JsonSerializer.Serialize(text)), Property, Tool));

        Assert.Equal(Tool, error.ToolName);
        Assert.Contains($"property '{Property}' should be a date-time with an offset but the string does not parse as one.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("3f2504e0-4f89-11d3-9a0c")]
    [InlineData("{3f2504e0-4f89-11d3-9a0c-0305e82c3301}")]
    [InlineData("3f2504e04f8911d39a0c0305e82c3301")]
    public void ReadGuid_rejects_a_string_that_is_no_uuid(string text)
    {
        var error = Assert.Throws<McpToolResultException>(() => ToolResultReader.ReadGuid(Json(JsonSerializer.Serialize(text)), Property, Tool));

        Assert.Equal(Tool, error.ToolName);
        Assert.Contains($"property '{Property}' should be a UUID but the string does not parse as one.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadUri_rejects_a_string_that_is_no_uri_reference()
    {
        var error = Assert.Throws<McpToolResultException>(() => ToolResultReader.ReadUri(Json("\"http://[::1\""), Property, Tool));

        Assert.Equal(Tool, error.ToolName);
        Assert.Contains($"property '{Property}' should be a URI but the string does not parse as one.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(ToolResultReader.ReadDateOnly), "sk_live_SECRET123")]
    [InlineData(nameof(ToolResultReader.ReadDateOnly), "2030-5-1-SECRET123")]
    [InlineData(nameof(ToolResultReader.ReadDateTimeOffset), "Bearer SECRET123")]
    [InlineData(nameof(ToolResultReader.ReadGuid), "password=SECRET123")]
    [InlineData(nameof(ToolResultReader.ReadUri), "http://[SECRET123")]
    public void A_wrong_format_string_value_never_appears_in_the_message(string reader, string secret)
    {
        var error = Assert.Throws<McpToolResultException>(() => Read(reader, Json(JsonSerializer.Serialize(secret))));

        Assert.DoesNotContain("SECRET123", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
        Assert.Contains($"'{Property}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{Tool}'", error.Message, StringComparison.Ordinal);
    }

    // ---- Enums --------------------------------------------------------------------------------------------

    [Fact]
    public void UnknownEnumValue_names_the_property_the_value_and_the_tool()
    {
        var error = ToolResultReader.UnknownEnumValue("status", "archived", Tool);

        Assert.Equal(Tool, error.ToolName);
        Assert.Equal(
            $"The result of MCP tool '{Tool}' does not match its snapshot: property 'status' has the value 'archived', which the snapshot does not list.",
            error.Message);
    }

    [Fact]
    public void UnknownEnumValue_accepts_a_null_value()
    {
        var error = ToolResultReader.UnknownEnumValue("status", null, Tool);

        Assert.Equal(Tool, error.ToolName);
        Assert.Contains("property 'status' has the value ''", error.Message, StringComparison.Ordinal);
    }

    // ---- ToolArguments ------------------------------------------------------------------------------------

    [Fact]
    public void ToolArguments_builds_a_dictionary_of_the_written_properties()
    {
        var arguments = new ToolArguments();
        arguments.Writer.WriteString("name", "Ada");
        arguments.Writer.WriteNumber("limit", 25);
        arguments.Writer.WriteNumber("ratio", 0.5);
        arguments.Writer.WriteBoolean("active", true);
        arguments.Writer.WriteNull("cursor");
        arguments.Writer.WriteStartArray("tags");
        arguments.Writer.WriteStringValue("vip");
        arguments.Writer.WriteStringValue("eu");
        arguments.Writer.WriteEndArray();
        arguments.Writer.WriteStartObject("address");
        arguments.Writer.WriteString("city", "New York");
        arguments.Writer.WriteEndObject();

        var built = arguments.Build();

        Assert.Equal(
            new[] { "active", "address", "cursor", "limit", "name", "ratio", "tags" },
            built.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Ada", built["name"].GetString());
        Assert.Equal(25, built["limit"].GetInt32());
        Assert.Equal(0.5, built["ratio"].GetDouble());
        Assert.True(built["active"].GetBoolean());
        Assert.Equal(JsonValueKind.Null, built["cursor"].ValueKind);
        Assert.Equal(new[] { "vip", "eu" }, built["tags"].EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal("New York", built["address"].GetProperty("city").GetString());
    }

    [Fact]
    public void ToolArguments_has_nothing_for_properties_not_written()
    {
        var arguments = new ToolArguments();
        arguments.Writer.WriteString("query", "Ada");

        var built = arguments.Build();

        Assert.Single(built);
        Assert.False(built.ContainsKey("limit"));
        Assert.False(built.ContainsKey("Query"));
    }

    [Fact]
    public void ToolArguments_with_nothing_written_builds_an_empty_dictionary() =>
        Assert.Empty(new ToolArguments().Build());

    [Fact]
    public void ToolArguments_values_round_trip_through_the_readers()
    {
        var id = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        var arguments = new ToolArguments();
        arguments.Writer.WriteString("id", id);
        arguments.Writer.WriteString("at", new DateTimeOffset(2030, 5, 1, 8, 30, 0, TimeSpan.FromHours(1)));
        arguments.Writer.WriteString("on", "2030-05-01");
        arguments.Writer.WriteNumber("count", 7L);

        var built = arguments.Build();

        Assert.Equal(id, ToolResultReader.ReadGuid(built["id"], "id", Tool));
        Assert.Equal(TimeSpan.FromHours(1), ToolResultReader.ReadDateTimeOffset(built["at"], "at", Tool).Offset);
        Assert.Equal(new DateOnly(2030, 5, 1), ToolResultReader.ReadDateOnly(built["on"], "on", Tool));
        Assert.Equal(7L, ToolResultReader.ReadInt64(built["count"], "count", Tool));
    }

    // ---- Helpers ------------------------------------------------------------------------------------------

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static object Read(string reader, JsonElement value) => reader switch
    {
        nameof(ToolResultReader.ReadString) => ToolResultReader.ReadString(value, Property, Tool),
        nameof(ToolResultReader.ReadInt64) => ToolResultReader.ReadInt64(value, Property, Tool),
        nameof(ToolResultReader.ReadInt32) => ToolResultReader.ReadInt32(value, Property, Tool),
        nameof(ToolResultReader.ReadDouble) => ToolResultReader.ReadDouble(value, Property, Tool),
        nameof(ToolResultReader.ReadBoolean) => ToolResultReader.ReadBoolean(value, Property, Tool),
        nameof(ToolResultReader.ReadDateOnly) => ToolResultReader.ReadDateOnly(value, Property, Tool),
        nameof(ToolResultReader.ReadDateTimeOffset) => ToolResultReader.ReadDateTimeOffset(value, Property, Tool),
        nameof(ToolResultReader.ReadGuid) => ToolResultReader.ReadGuid(value, Property, Tool),
        nameof(ToolResultReader.ReadUri) => ToolResultReader.ReadUri(value, Property, Tool),
        nameof(ToolResultReader.ArrayLength) => ToolResultReader.ArrayLength(value, Property, Tool),
        nameof(ToolResultReader.EnsureObject) => EnsureObject(value),
        _ => throw new ArgumentOutOfRangeException(nameof(reader), reader, "No such reader."),
    };

    private static bool EnsureObject(JsonElement value)
    {
        ToolResultReader.EnsureObject(value, Property, Tool);
        return true;
    }

    [Fact]
    public void CopyProperties_writes_every_property_of_an_object_as_an_argument()
    {
        var arguments = new ToolArguments();
        arguments.CopyProperties(Json("""{"text":"hello","limit":3,"filter":{"tags":["a"]}}"""));

        var built = arguments.Build();

        Assert.Equal(["filter", "limit", "text"], built.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, built["limit"].GetInt32());
        Assert.Equal("a", built["filter"].GetProperty("tags")[0].GetString());
    }

    [Fact]
    public void CopyProperties_rejects_a_value_that_is_not_an_object() =>
        Assert.Throws<ArgumentException>(() => new ToolArguments().CopyProperties(Json("[1,2]")));
}
