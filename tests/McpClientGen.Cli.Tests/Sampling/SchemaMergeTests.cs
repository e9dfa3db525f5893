namespace McpClientGen.Cli.Tests.Sampling;

/// <summary>Several samples, or an existing schema and a new sample, merge into one schema that fits them all.</summary>
public sealed class SchemaMergeTests
{
    [Fact]
    public void A_property_missing_from_one_sample_becomes_optional() =>
        Assert.Equal(
            """{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"string"}},"required":["a"]}""",
            Inferred.From("""{"a":1,"b":"x"}""", """{"a":2}"""));

    [Fact]
    public void A_property_null_in_one_sample_becomes_nullable_and_stays_required() =>
        Assert.Equal(
            """{"type":"object","properties":{"body":{"type":["string","null"]}},"required":["body"]}""",
            Inferred.From("""{"body":null}""", """{"body":"text"}"""));

    [Fact]
    public void Conflicting_types_widen() =>
        Assert.Equal("""{"type":["string","integer"]}""", Inferred.From("1", "\"one\""));

    [Fact]
    public void An_integer_and_a_fraction_are_a_number() => Assert.Equal("""{"type":"number"}""", Inferred.From("1", "1.5"));

    [Fact]
    public void A_nullable_object_keeps_its_properties() =>
        Assert.Equal(
            """{"type":["object","null"],"properties":{"login":{"type":"string"}},"required":["login"]}""",
            Inferred.From("null", """{"login":"octo"}"""));

    [Fact]
    public void Nested_objects_merge_property_by_property() =>
        Assert.Equal(
            """{"type":"object","properties":{"user":{"type":"object","properties":{"id":{"type":"integer"},"login":{"type":"string"}},"required":["login"]}},"required":["user"]}""",
            Inferred.From("""{"user":{"login":"a","id":1}}""", """{"user":{"login":"b"}}"""));

    [Fact]
    public void The_output_does_not_depend_on_the_order_of_samples_or_properties()
    {
        string[] samples = ["""{"z":1,"a":{"y":null,"b":"2026-01-05"}}""", """{"a":{"b":"2026-02-01","y":true},"m":[1.5]}""", """{"m":[],"z":2.5,"a":null}"""];

        var expected = Inferred.From(samples);

        Assert.Equal(expected, Inferred.From(samples[2], samples[0], samples[1]));
        Assert.Equal(expected, Inferred.From(samples[1], samples[2], samples[0]));
        Assert.Equal(
            """{"type":"object","properties":{"a":{"type":["object","null"],"properties":{"b":{"type":"string","format":"date"},"y":{"type":["boolean","null"]}},"required":["b","y"]},"m":{"type":"array","items":{"type":"number"}},"z":{"type":"number"}},"required":["a"]}""",
            expected);
    }

    [Fact]
    public void A_schema_written_earlier_is_refined_by_a_new_sample() =>
        Assert.Equal(
            """{"type":"object","properties":{"at":{"type":"string"},"id":{"type":"number"},"tags":{"type":"array","items":{"type":"string"}},"url":{"type":"string","format":"uri"}},"required":["at","id","tags"]}""",
            Inferred.Refine(
                """{"type":"object","properties":{"at":{"type":"string","format":"date-time"},"id":{"type":"integer"},"url":{"type":"string","format":"uri"},"tags":{"type":"array"}},"required":["at","id","url","tags"]}""",
                """{"at":"yesterday","id":1.5,"tags":["x"]}"""));

    [Fact]
    public void A_sample_that_fits_leaves_the_schema_as_it_was()
    {
        const string Schema = """{"type":"object","properties":{"n":{"type":"integer"},"s":{"type":["string","null"],"format":"uuid"}},"required":["n"]}""";

        Assert.Equal(Schema, Inferred.Refine(Schema, """{"n":3,"s":null}"""));
    }

    [Theory]
    [InlineData("""{"type":"string","format":"hostname"}""", "\"2026-01-05\"")]
    [InlineData("""{"type":"string","format":"ipv4"}""", "\"10.0.0.1\"")]
    [InlineData("""{"type":"integer","format":"int32"}""", "7")]
    [InlineData("""{"type":["string","null"],"format":"x-sku"}""", "null")]
    public void A_format_inference_does_not_detect_is_kept(string schema, string sample) => Assert.Equal(schema, Inferred.Refine(schema, sample));

    [Fact]
    public void A_detected_format_is_dropped_when_a_sample_string_does_not_match_it() =>
        Assert.Equal("""{"type":"string"}""", Inferred.Refine("""{"type":"string","format":"uuid"}""", "\"not-a-uuid\""));

    [Fact]
    public void Keywords_a_user_added_are_kept()
    {
        var refined = Inferred.Refine(
            """{"type":"object","description":"An issue.","properties":{"state":{"type":"string","enum":["open","closed"],"description":"Open or closed."}},"required":["state"]}""",
            """{"state":"open","extra":1}""");

        Assert.Equal(
            """{"type":"object","description":"An issue.","properties":{"extra":{"type":"integer"},"state":{"type":"string","description":"Open or closed.","enum":["open","closed"]}},"required":["state"]}""",
            refined);
    }

    [Fact]
    public void A_schema_that_names_no_type_takes_the_type_its_keywords_imply() =>
        Assert.Equal(
            """{"type":"object","properties":{"a":{"type":"integer"}},"required":["a"]}""",
            Inferred.Refine("""{"properties":{"a":{"type":"integer"}},"required":["a"]}""", """{"a":1}"""));

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"description":"Whatever the server sends."}""")]
    [InlineData("""{"format":"hostname"}""")]
    [InlineData("""{"$ref":"#/$defs/issue","$defs":{"issue":{"type":"object"}}}""")]
    [InlineData("""{"type":"object","anyOf":[{"required":["a"]},{"required":["b"]}],"properties":{"a":{"type":"integer"}}}""")]
    [InlineData("""{"oneOf":[{"type":"string"},{"type":"integer"}]}""")]
    public void A_schema_that_allows_more_than_inference_checks_is_kept_as_written(string schema) =>
        Assert.Equal(schema, Inferred.Refine(schema, """{"a":1,"b":"x"}""", "\"text\"", "null"));

    [Fact]
    public void A_property_that_names_no_type_stays_any_value() =>
        Assert.Equal(
            """{"type":"object","properties":{"n":{"type":"integer"},"v":{"description":"Any value."}},"required":["v"]}""",
            Inferred.Refine("""{"type":"object","properties":{"v":{"description":"Any value."}},"required":["v"]}""", """{"v":"x","n":1}""", """{"v":[3],"n":2}"""));

    [Theory]
    [InlineData("true", "schema is not a schema object")]
    [InlineData("""{"type":"thing"}""", "schema.type names the unknown type 'thing'")]
    [InlineData("""{"type":"object","properties":[]}""", "schema.properties is not an object")]
    [InlineData("""{"type":"object","required":"a"}""", "schema.required is not an array of strings")]
    [InlineData("""{"type":"object","properties":{"a":{"items":1}}}""", "schema.properties.a.items is not a schema object")]
    public void A_schema_that_cannot_be_refined_says_where(string schema, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => Inferred.Refine(schema, "{}")).Message);
}
