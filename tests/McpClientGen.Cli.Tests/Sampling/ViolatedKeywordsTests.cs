namespace McpClientGen.Cli.Tests.Sampling;

/// <summary>
/// A keyword a user added to an existing schema stays only while every sample satisfies it; one a sample violates is
/// dropped with a note naming it and where it was, so the written schema never refuses the server's real output.
/// </summary>
public sealed class ViolatedKeywordsTests
{
    [Theory]
    [InlineData("""{"type":"string","enum":["open","closed"]}""", "\"merged\"", "enum")]
    [InlineData("""{"type":"string","const":"open"}""", "\"closed\"", "const")]
    [InlineData("""{"type":"string","pattern":"^[A-Z]+-\\d+$"}""", "\"abc-1\"", "pattern")]
    [InlineData("""{"type":"integer","minimum":1}""", "0", "minimum")]
    [InlineData("""{"type":"integer","maximum":10}""", "11", "maximum")]
    [InlineData("""{"type":"number","exclusiveMinimum":0}""", "0", "exclusiveMinimum")]
    [InlineData("""{"type":"number","exclusiveMaximum":1}""", "1.0", "exclusiveMaximum")]
    [InlineData("""{"type":"string","minLength":3}""", "\"ab\"", "minLength")]
    [InlineData("""{"type":"string","maxLength":2}""", "\"abc\"", "maxLength")]
    [InlineData("""{"type":"array","items":{"type":"integer"},"minItems":1}""", "[]", "minItems")]
    [InlineData("""{"type":"array","items":{"type":"integer"},"maxItems":1}""", "[1,2]", "maxItems")]
    [InlineData("""{"type":"object","additionalProperties":false,"properties":{"a":{"type":"integer"}},"required":["a"]}""", """{"a":1,"b":2}""", "additionalProperties")]
    [InlineData("""{"enum":[1,2]}""", "3", "enum")]
    public void A_keyword_the_sample_violates_is_dropped_with_a_note(string schema, string sample, string keyword)
    {
        var notes = new List<string>();

        var refined = Inferred.Refine(schema, notes, sample);

        Assert.DoesNotContain($"\"{keyword}\"", refined, StringComparison.Ordinal);
        Assert.Equal([$"dropped \"{keyword}\" at schema: this sample does not satisfy it."], notes);
    }

    [Theory]
    [InlineData("""{"type":"string","enum":["open","closed"]}""", "\"open\"")]
    [InlineData("""{"type":"number","const":1}""", "1.0")]
    [InlineData("""{"type":"string","pattern":"\\d"}""", "\"issue 42\"")]
    [InlineData("""{"type":["integer","null"],"minimum":1,"maximum":1}""", "null")]
    [InlineData("""{"type":"integer","minimum":1,"maximum":1}""", "1")]
    [InlineData("""{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":1}""", "0.5")]
    [InlineData("""{"type":"string","minLength":2,"maxLength":2}""", "\"😀é\"")]
    [InlineData("""{"type":"array","minItems":1,"maxItems":1}""", "[true]")]
    [InlineData("""{"type":"object","additionalProperties":false,"properties":{"a":{"type":"integer"}}}""", """{"a":1}""")]
    [InlineData("""{"type":"object","additionalProperties":{"type":"integer"}}""", """{"a":"not checked"}""")]
    [InlineData("""{"type":"object","additionalProperties":false,"patternProperties":{"^x-":{}}}""", """{"x-a":1}""")]
    [InlineData("""{"type":"string","pattern":"(unclosed"}""", "\"text\"")]
    [InlineData("""{"type":"integer","minimum":1,"exclusiveMinimum":true}""", "1")]
    public void A_keyword_every_sample_satisfies_or_that_cannot_be_checked_is_kept(string schema, string sample)
    {
        var notes = new List<string>();

        var refined = Inferred.Refine(schema, notes, sample);

        Assert.Empty(notes);
        foreach (var keyword in new[] { "enum", "const", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "additionalProperties" })
        {
            Assert.Equal(schema.Contains($"\"{keyword}\"", StringComparison.Ordinal), refined.Contains($"\"{keyword}\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Keywords_are_checked_at_every_depth_and_each_note_says_where()
    {
        var notes = new List<string>();

        var refined = Inferred.Refine(
            """{"type":"object","properties":{"labels":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string","enum":["bug","ui"],"description":"A label."}},"required":["name"]}},"state":{"type":"string","enum":["open"]}},"required":["labels","state"]}""",
            notes,
            """{"labels":[{"name":"bug"},{"name":"docs"},{"name":"wontfix"}],"state":"open"}""");

        Assert.Equal(
            """{"type":"object","properties":{"labels":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string","description":"A label."}},"required":["name"]}},"state":{"type":"string","enum":["open"]}},"required":["labels","state"]}""",
            refined);
        Assert.Equal(["dropped \"enum\" at schema.properties.labels.items.properties.name: this sample does not satisfy it."], notes);
    }

    [Fact]
    public void A_keyword_beside_a_reference_is_checked_and_the_reference_kept() =>
        Assert.Equal(
            """{"$ref":"#/$defs/state","$defs":{"state":{"type":"string"}}}""",
            Inferred.Refine("""{"$ref":"#/$defs/state","enum":["open"],"$defs":{"state":{"type":"string"}}}""", "\"closed\""));
}
