using McpClientGen.Cli.Sampling;

namespace McpClientGen.Cli.Tests.Sampling;

/// <summary>A string's format is inferred only when it certainly has it, and only when every sample has it.</summary>
public sealed class StringFormatTests
{
    [Theory]
    [InlineData("2026-01-05T09:30:00Z", "date-time")]
    [InlineData("2026-01-05T09:30:00.125+02:00", "date-time")]
    [InlineData("2026-01-05t09:30:00z", "date-time")]
    [InlineData("2026-01-05", "date")]
    [InlineData("5f0c6e3a-1b2d-4c8e-9f00-0123456789ab", "uuid")]
    [InlineData("https://github.example/octo/demo/issues/1", "uri")]
    [InlineData("ftp://files.example/a.txt", "uri")]
    [InlineData("octo@example.com", "email")]
    public void A_string_with_a_format_is_recognized(string text, string format) => Assert.Equal(format, StringFormats.Detect(text));

    [Theory]
    [InlineData("")]
    [InlineData("open")]
    [InlineData("d73a4a")]
    [InlineData("2026-01-05T09:30:00")] // no offset: not RFC 3339, and DateTimeOffset would guess the local one
    [InlineData("2026-01-05 09:30:00Z")]
    [InlineData("2026-02-30")] // no such day
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("05/01/2026")]
    [InlineData("5f0c6e3a1b2d4c8e9f000123456789ab")] // a uuid is written with hyphens
    [InlineData("/repos/octo/demo")] // an absolute path parses as a file: URI on Unix, but is not a URL
    [InlineData("key:value")]
    [InlineData("urn:isbn:0451450523")]
    [InlineData("https://example.com/a b")]
    [InlineData("Issue 1 of octo/demo")]
    [InlineData("not an@email.com")]
    [InlineData("octo@localhost")]
    public void A_string_without_a_certain_format_has_none(string text) => Assert.Null(StringFormats.Detect(text));

    [Fact]
    public void A_url_with_credentials_is_a_uri_not_an_email() => Assert.Equal("uri", StringFormats.Detect("https://user@host.example/"));

    [Theory]
    [InlineData("date-time", "\"2026-01-05T09:30:00Z\"", "\"2026-02-01T00:00:00+01:00\"")]
    [InlineData("date", "\"2026-01-05\"", "\"1999-12-31\"")]
    [InlineData("uuid", "\"5f0c6e3a-1b2d-4c8e-9f00-0123456789ab\"", "\"00000000-0000-0000-0000-000000000000\"")]
    [InlineData("uri", "\"https://a.example/\"", "\"http://127.0.0.1:8080/x?y=1\"")]
    [InlineData("email", "\"a@b.example\"", "\"first.last+tag@mail.example.org\"")]
    public void A_format_every_sample_has_is_kept(string format, string first, string second) =>
        Assert.Equal($$"""{"type":"string","format":"{{format}}"}""", Inferred.From(first, second));

    [Theory]
    [InlineData("\"2026-01-05T09:30:00Z\"", "\"soon\"")]
    [InlineData("\"2026-01-05T09:30:00Z\"", "\"2026-01-05\"")]
    [InlineData("\"https://a.example/\"", "\"a@b.example\"")]
    [InlineData("\"none\"", "\"5f0c6e3a-1b2d-4c8e-9f00-0123456789ab\"")]
    public void A_format_is_dropped_when_one_sample_lacks_it(string first, string second)
    {
        Assert.Equal("""{"type":"string"}""", Inferred.From(first, second));
        Assert.Equal("""{"type":"string"}""", Inferred.From(second, first));
    }

    [Fact]
    public void A_null_beside_formatted_strings_keeps_the_format() =>
        Assert.Equal("""{"type":["string","null"],"format":"date-time"}""", Inferred.From("\"2026-01-05T09:30:00Z\"", "null"));

    [Fact]
    public void Formats_of_array_elements_merge_too() =>
        Assert.Equal("""{"type":"array","items":{"type":"string"}}""", Inferred.From("""["https://a.example/", "b"]"""));
}
