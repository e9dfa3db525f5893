namespace McpClientGen.Cli.Tests.Sampling;

/// <summary>The schema inferred from one sample: every JSON type, nesting, and numbers.</summary>
public sealed class SchemaInferenceTests
{
    [Theory]
    [InlineData("\"text\"", """{"type":"string"}""")]
    [InlineData("true", """{"type":"boolean"}""")]
    [InlineData("false", """{"type":"boolean"}""")]
    [InlineData("null", """{"type":"null"}""")]
    [InlineData("42", """{"type":"integer"}""")]
    [InlineData("-7", """{"type":"integer"}""")]
    [InlineData("1.5", """{"type":"number"}""")]
    public void A_scalar_has_its_type(string sample, string schema) => Assert.Equal(schema, Inferred.From(sample));

    [Theory]
    [InlineData("2.0")]
    [InlineData("1e3")]
    [InlineData("1E-2")]
    public void A_number_with_a_fraction_or_exponent_is_a_number_even_when_whole(string sample) =>
        Assert.Equal("""{"type":"number"}""", Inferred.From(sample));

    [Theory]
    [InlineData("9223372036854775807", """{"type":"integer"}""")]
    [InlineData("-9223372036854775808", """{"type":"integer"}""")]
    [InlineData("9223372036854775808", """{"type":"number"}""")]
    [InlineData("-9223372036854775809", """{"type":"number"}""")]
    [InlineData("18446744073709551615", """{"type":"number"}""")]
    public void A_whole_number_is_an_integer_only_within_the_range_of_long(string sample, string schema) =>
        Assert.Equal(schema, Inferred.From(sample));

    [Fact]
    public void An_object_lists_its_properties_sorted_and_requires_all_of_them()
    {
        var schema = Inferred.From("""{"title":"t","number":1,"user":{"login":"octo"},"open":true}""");

        Assert.Equal(
            """{"type":"object","properties":{"number":{"type":"integer"},"open":{"type":"boolean"},"title":{"type":"string"},"user":{"type":"object","properties":{"login":{"type":"string"}},"required":["login"]}},"required":["number","open","title","user"]}""",
            schema);
    }

    [Fact]
    public void An_empty_object_is_an_object_without_properties() => Assert.Equal("""{"type":"object"}""", Inferred.From("{}"));

    [Fact]
    public void The_last_of_duplicate_names_wins_as_in_JSON() =>
        Assert.Equal("""{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}""", Inferred.From("""{"a":1,"a":"x"}"""));

    [Fact]
    public void Array_items_merge_across_elements()
    {
        var schema = Inferred.From("""[{"name":"bug","color":"d73a4a"},{"name":"ui","id":3},{"name":null,"color":"fff"}]""");

        Assert.Equal(
            """{"type":"array","items":{"type":"object","properties":{"color":{"type":"string"},"id":{"type":"integer"},"name":{"type":["string","null"]}},"required":["name"]}}""",
            schema);
    }

    [Fact]
    public void An_empty_array_says_nothing_of_its_items() => Assert.Equal("""{"type":"array"}""", Inferred.From("[]"));

    [Fact]
    public void Integers_and_fractions_in_one_array_are_numbers() =>
        Assert.Equal("""{"type":"array","items":{"type":"number"}}""", Inferred.From("[1, 2.5, 3]"));

    [Fact]
    public void Elements_of_different_types_widen_the_items() =>
        Assert.Equal("""{"type":"array","items":{"type":["string","integer","boolean"]}}""", Inferred.From("""[true, "a", 1]"""));

    [Fact]
    public void Nested_arrays_merge_at_every_level() =>
        Assert.Equal("""{"type":"array","items":{"type":"array","items":{"type":["integer","null"]}}}""", Inferred.From("[[1],[],[null,2]]"));
}
