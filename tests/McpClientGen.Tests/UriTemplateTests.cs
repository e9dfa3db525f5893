using McpClientGen.Resources;

namespace McpClientGen.Tests;

/// <summary>
/// The expander behind the generated resource template methods, against the examples of RFC 6570 (levels 1 to 3, with
/// the RFC's variable values) and the encodings that matter to a server: spaces, '/', '%', non-ASCII.
/// </summary>
public sealed class UriTemplateTests
{
    private static readonly Dictionary<string, string?> Rfc = new(StringComparer.Ordinal)
    {
        ["var"] = "value",
        ["hello"] = "Hello World!",
        ["path"] = "/foo/bar",
        ["empty"] = "",
        ["x"] = "1024",
        ["y"] = "768",
        ["undef"] = null,
    };

    [Theory]
    // Level 1
    [InlineData("{var}", "value")]
    [InlineData("{hello}", "Hello%20World%21")]
    // Level 2
    [InlineData("{+var}", "value")]
    [InlineData("{+hello}", "Hello%20World!")]
    [InlineData("{+path}/here", "/foo/bar/here")]
    [InlineData("here?ref={+path}", "here?ref=/foo/bar")]
    [InlineData("X{#var}", "X#value")]
    [InlineData("X{#hello}", "X#Hello%20World!")]
    // Level 3
    [InlineData("map?{x,y}", "map?1024,768")]
    [InlineData("{x,hello,y}", "1024,Hello%20World%21,768")]
    [InlineData("{+x,hello,y}", "1024,Hello%20World!,768")]
    [InlineData("{+path,x}/here", "/foo/bar,1024/here")]
    [InlineData("{#x,hello,y}", "#1024,Hello%20World!,768")]
    [InlineData("{#path,x}/here", "#/foo/bar,1024/here")]
    [InlineData("X{.var}", "X.value")]
    [InlineData("X{.x,y}", "X.1024.768")]
    [InlineData("{/var}", "/value")]
    [InlineData("{/var,x}/here", "/value/1024/here")]
    [InlineData("{;x,y}", ";x=1024;y=768")]
    [InlineData("{;x,y,empty}", ";x=1024;y=768;empty")]
    [InlineData("{?x,y}", "?x=1024&y=768")]
    [InlineData("{?x,y,empty}", "?x=1024&y=768&empty=")]
    [InlineData("?fixed=yes{&x}", "?fixed=yes&x=1024")]
    [InlineData("{&x,y,empty}", "&x=1024&y=768&empty=")]
    public void Expands_the_examples_of_RFC_6570(string template, string expected) =>
        Assert.Equal(expected, UriTemplate.Expand(template, Rfc));

    [Theory]
    // The RFC's own examples with an undefined variable (sections 3.2.2 to 3.2.8).
    [InlineData("O{undef}X", "OX")]
    [InlineData("?{x,undef}", "?1024")]
    [InlineData("?{undef,y}", "?768")]
    [InlineData("O{+undef}X", "OX")]
    [InlineData("X{.undef}", "X")]
    [InlineData("{;x,y,undef}", ";x=1024;y=768")]
    [InlineData("{?x,y,undef}", "?x=1024&y=768")]
    // The first defined variable takes the operator's prefix; with none defined the prefix is left out too.
    [InlineData("{?x,undef}", "?x=1024")]
    [InlineData("{?undef,x}", "?x=1024")]
    [InlineData("{&undef,x}", "&x=1024")]
    [InlineData("demo://a{?undef}", "demo://a")]
    [InlineData("demo://a{&undef}", "demo://a")]
    [InlineData("demo://a{;undef}", "demo://a")]
    [InlineData("demo://a{#undef}", "demo://a")]
    [InlineData("demo://a{/undef}", "demo://a")]
    public void Skips_undefined_variables_as_RFC_6570_says(string template, string expected) =>
        Assert.Equal(expected, UriTemplate.Expand(template, Rfc));

    [Theory]
    [InlineData("{x}/{x}", "1024/1024")]
    [InlineData("{+path}{?path}", "/foo/bar?path=%2Ffoo%2Fbar")]
    public void A_repeated_variable_takes_its_value_at_every_place(string template, string expected) =>
        Assert.Equal(expected, UriTemplate.Expand(template, Rfc));

    [Theory]
    [InlineData("demo://notes/{name}", "demo://notes/a%20b%2Fc%C3%A9%F0%9F%98%80%25%2541")]
    [InlineData("demo://notes/{+name}", "demo://notes/a%20b/c%C3%A9%F0%9F%98%80%25%41")]
    [InlineData("demo://notes{#name}", "demo://notes#a%20b/c%C3%A9%F0%9F%98%80%25%41")]
    [InlineData("demo://notes{?name}", "demo://notes?name=a%20b%2Fc%C3%A9%F0%9F%98%80%25%2541")]
    public void Percent_encodes_as_UTF_8_keeping_reserved_characters_and_encoded_triplets_only_for_plus_and_hash(string template, string expected) =>
        Assert.Equal(expected, UriTemplate.Expand(template, new Dictionary<string, string?> { ["name"] = "a b/cé😀%%41" }));

    [Fact]
    public void Literal_characters_a_URI_cannot_hold_are_encoded_and_the_rest_kept() =>
        Assert.Equal("demo://a%20b/%C3%A9?x=1&y=%5E", UriTemplate.Expand("demo://a b/é?x=1&y=^", new Dictionary<string, string?>()));

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character() =>
        Assert.Equal("%EF%BF%BD", UriTemplate.Expand("{v}", new Dictionary<string, string?> { ["v"] = "\ud800" }));

    [Fact]
    public void A_variable_without_a_value_is_refused_by_name()
    {
        var exception = Assert.Throws<ArgumentException>(() => UriTemplate.Expand("demo://{a}/{b}", new Dictionary<string, string?> { ["a"] = "1" }));

        Assert.Contains("'b'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo://{a", "a '{' is not closed")]
    [InlineData("demo://a}", "a '}' closes no expression")]
    [InlineData("demo://{a{b}}", "a '{' is not closed")]
    [InlineData("demo://{}", "names no variable")]
    [InlineData("demo://{a-b}", "'a-b' is not a valid variable name")]
    [InlineData("demo://{a..b}", "'a..b' is not a valid variable name")]
    [InlineData("demo://{a,}", "'' is not a valid variable name")]
    [InlineData("demo://{a:abc}", "':abc' is not a modifier of 'a'")]
    [InlineData("demo://{a:}", "':' is not a modifier of 'a'")]
    [InlineData("demo://{a:10000}", "':10000' is not a modifier of 'a'")]
    [InlineData("demo://{a:0}", "':0' is not a modifier of 'a'")]
    [InlineData("demo://{a*b}", "'*b' is not a modifier of 'a'")]
    [InlineData("demo://{=a}", "the operator '=' is reserved")]
    public void Malformed_templates_are_reported_at_the_problem(string template, string problem)
    {
        var parsed = UriTemplateSyntax.Parse(template);

        Assert.False(parsed.IsUnsupported);
        Assert.Contains(problem, parsed.Problem, StringComparison.Ordinal);
        Assert.InRange(parsed.Offset, "demo://".Length, template.Length - 1);
        Assert.Throws<ArgumentException>(() => UriTemplate.Expand(template, new Dictionary<string, string?> { ["a"] = "1", ["b"] = "2" }));
    }

    [Theory]
    [InlineData("demo://{list*}", 12, 1)]
    [InlineData("demo://{var:3}", 11, 2)]
    [InlineData("demo://{/a,b*}", 12, 1)]
    [InlineData("demo://{var:9999}", 11, 5)]
    public void Level_4_modifiers_are_unsupported_and_located(string template, int offset, int length)
    {
        var parsed = UriTemplateSyntax.Parse(template);

        Assert.True(parsed.IsUnsupported);
        Assert.Equal((offset, length), (parsed.Offset, parsed.Length));
    }

    [Fact]
    public void Variable_names_may_hold_dots_digits_underscores_and_encoded_octets()
    {
        var parsed = UriTemplateSyntax.Parse("{user.id}{_2}{%41b}");

        Assert.Null(parsed.Problem);
        Assert.Equal(["user.id", "_2", "%41b"], parsed.Parts.SelectMany(part => part.Variables));
    }
}
