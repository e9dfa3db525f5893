using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Tests;

/// <summary>
/// Reading results of tools that publish no output schema into declared types: where the JSON is looked for, in
/// which order, and what each failure says (the tool, what was wrong, never the payload).
/// </summary>
public sealed class DeclaredResultReaderTests
{
    private const string Tool = "get_issue";
    private const string IssueJson = """{"number":7,"title":"Crash","labels":[{"name":"bug"}]}""";

    [Fact]
    public void StructuredContent_is_read_first_even_when_the_text_differs()
    {
        var result = Result(structured: IssueJson, """{"number":8,"title":"Other","labels":[]}""");

        var issue = DeclaredResultReader.Read<TestIssue>(result, Tool, DeclaredResultJson.Default);

        Assert.Equal(7, issue.Number);
        Assert.Equal("Crash", issue.Title);
        Assert.Equal(["bug"], issue.Labels.Select(label => label.Name));
    }

    [Fact]
    public void StructuredContent_that_is_not_an_object_is_read_too()
    {
        Assert.Equal([3, 4], DeclaredResultReader.Read<List<int>>(Result(structured: "[3,4]"), Tool, DeclaredResultJson.Default));
        Assert.Equal(42, DeclaredResultReader.Read<int>(Result(structured: "42"), Tool, DeclaredResultJson.Default));
    }

    [Fact]
    public void Without_structuredContent_the_first_text_block_is_read_when_it_parses()
    {
        var result = Result(structured: null, IssueJson, "Rate limit: 4999 requests left.");

        Assert.Equal(7, DeclaredResultReader.Read<TestIssue>(result, Tool, DeclaredResultJson.Default).Number);
    }

    [Fact]
    public void An_array_in_the_first_text_block_is_read_as_a_list()
    {
        var issues = DeclaredResultReader.Read<List<TestIssue>>(Result(structured: null, $"[{IssueJson},{IssueJson}]"), Tool, DeclaredResultJson.Default);

        Assert.Equal([7, 7], issues.Select(issue => issue.Number));
    }

    [Fact]
    public void Text_blocks_that_only_parse_joined_are_read_joined()
    {
        var result = Result(structured: null, IssueJson[..20], IssueJson[20..]);

        Assert.Equal("Crash", DeclaredResultReader.Read<TestIssue>(result, Tool, DeclaredResultJson.Default).Title);
    }

    [Fact]
    public void Text_that_is_not_json_names_the_tool_and_the_parse_error_but_not_the_text()
    {
        var secret = "Issue body: " + new string('x', 10_000) + " hunter2";
        var exception = Assert.Throws<McpToolResultException>(
            () => DeclaredResultReader.Read<TestIssue>(Result(structured: null, secret), Tool, DeclaredResultJson.Default));

        Assert.Equal(Tool, exception.ToolName);
        Assert.StartsWith("The result of MCP tool 'get_issue' cannot be read as 'TestIssue': it has no structuredContent and its text is not JSON (", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxx", exception.Message, StringComparison.Ordinal);
        Assert.True(exception.Message.Length < 400, exception.Message);
    }

    [Fact]
    public void Several_text_blocks_that_are_not_json_even_joined_say_so()
    {
        var exception = Assert.Throws<McpToolResultException>(
            () => DeclaredResultReader.Read<TestIssue>(Result(structured: null, "Found it:", "see the tracker"), Tool, DeclaredResultJson.Default));

        Assert.Contains("neither its first text block nor its 2 text blocks joined are JSON", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_content_says_there_is_nothing_to_read()
    {
        var exception = Assert.Throws<McpToolResultException>(
            () => DeclaredResultReader.Read<TestIssue>(Result(structured: null), Tool, DeclaredResultJson.Default));

        Assert.Equal("The result of MCP tool 'get_issue' cannot be read as 'TestIssue': it has no structuredContent and no text content.", exception.Message);
    }

    [Fact]
    public void Json_of_the_wrong_shape_wraps_the_serializer_error_on_one_line()
    {
        var exception = Assert.Throws<McpToolResultException>(
            () => DeclaredResultReader.Read<TestIssue>(Result(structured: null, """{"number":"seven","title":"Crash","labels":[]}"""), Tool, DeclaredResultJson.Default));

        Assert.IsType<JsonException>(exception.InnerException);
        Assert.StartsWith("The result of MCP tool 'get_issue' cannot be read as 'TestIssue': the JSON in content[0].text does not fit: ", exception.Message, StringComparison.Ordinal);
        Assert.Contains("$.number", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("seven", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Fact]
    public void A_missing_required_member_is_a_wrong_shape_named_with_the_generic_type()
    {
        var exception = Assert.Throws<McpToolResultException>(
            () => DeclaredResultReader.Read<List<TestIssue>>(Result(structured: null, """[{"number":1}]"""), Tool, DeclaredResultJson.Default));

        Assert.StartsWith("The result of MCP tool 'get_issue' cannot be read as 'List<TestIssue>': the JSON in content[0].text does not fit: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_the_serializer_cannot_make_is_a_result_error_too()
    {
        var exception = Assert.Throws<McpToolResultException>(
            () => DeclaredResultReader.Read<TestShape>(Result(structured: null, """{"sides":3}"""), Tool, DeclaredResultJson.Default));

        Assert.IsType<NotSupportedException>(exception.InnerException);
        Assert.StartsWith("The result of MCP tool 'get_issue' cannot be read as 'TestShape': the JSON in content[0].text does not fit: ", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Fact]
    public void Json_null_is_not_a_value_of_the_declared_type()
    {
        var exception = Assert.Throws<McpToolResultException>(
            () => DeclaredResultReader.Read<TestIssue>(Result(structured: null, "null"), Tool, DeclaredResultJson.Default));

        Assert.Equal("The result of MCP tool 'get_issue' cannot be read as 'TestIssue': the JSON in content[0].text is null.", exception.Message);
    }

    [Fact]
    public void A_context_without_metadata_for_the_type_is_a_programming_error_not_a_result_error()
    {
        var exception = Assert.Throws<InvalidOperationException>(
            () => DeclaredResultReader.Read<Uri>(Result(structured: null, "\"https://example.com\""), Tool, DeclaredResultJson.Default));

        Assert.Contains("add [JsonSerializable(typeof(Uri))]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadJson_returns_structuredContent_or_else_the_parsed_text()
    {
        Assert.Equal(7, DeclaredResultReader.ReadJson(Result(structured: IssueJson, "ignored"), Tool).GetProperty("number").GetInt32());
        Assert.Equal("Crash", DeclaredResultReader.ReadJson(Result(structured: null, IssueJson), Tool).GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Array, DeclaredResultReader.ReadJson(Result(structured: null, "[1,", "2]"), Tool).ValueKind);
        Assert.Throws<McpToolResultException>(() => DeclaredResultReader.ReadJson(Result(structured: null, "plain words"), Tool));
    }

    [Fact]
    public void ReadText_joins_the_text_blocks_and_falls_back_to_the_structured_json()
    {
        Assert.Equal("first\nsecond", DeclaredResultReader.ReadText(Result(structured: IssueJson, "first", "second"), Tool));
        Assert.Equal("[1,2]", DeclaredResultReader.ReadText(Result(structured: "[1,2]"), Tool));
        var exception = Assert.Throws<McpToolResultException>(() => DeclaredResultReader.ReadText(Result(structured: null), Tool));
        Assert.Equal("The result of MCP tool 'get_issue' cannot be read as 'string': it has no text content and no structuredContent.", exception.Message);
    }

    [Fact]
    public void Images_and_other_blocks_are_not_text()
    {
        var result = new CallToolResult
        {
            Content = [new ImageContentBlock { Data = "AAAA"u8.ToArray(), MimeType = "image/png" }, new TextContentBlock { Text = IssueJson }],
        };

        Assert.Equal(7, DeclaredResultReader.Read<TestIssue>(result, Tool, DeclaredResultJson.Default).Number);
        Assert.Equal(IssueJson, DeclaredResultReader.ReadText(result, Tool));
    }

    private static CallToolResult Result(string? structured, params string[] texts) => new()
    {
        StructuredContent = structured is null ? null : JsonDocument.Parse(structured).RootElement.Clone(),
        Content = [.. texts.Select(text => (ContentBlock)new TextContentBlock { Text = text })],
    };
}

/// <summary>A result type as a user would declare it for a GitHub-shaped tool.</summary>
public sealed record TestIssue
{
    [JsonPropertyName("number")]
    public required int Number { get; init; }

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("labels")]
    public IReadOnlyList<TestLabel> Labels { get; init; } = [];
}

/// <summary>A label of <see cref="TestIssue"/>.</summary>
public sealed record TestLabel([property: JsonPropertyName("name")] string Name);

/// <summary>An abstract result type with no polymorphism declared: the serializer cannot make one.</summary>
public abstract record TestShape
{
    [JsonPropertyName("sides")]
    public int Sides { get; init; }
}

/// <summary>The user's source-generated context, as <c>[McpClient(JsonContext = ...)]</c> names it.</summary>
[JsonSerializable(typeof(TestIssue))]
[JsonSerializable(typeof(List<TestIssue>))]
[JsonSerializable(typeof(List<int>))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(TestShape))]
internal sealed partial class DeclaredResultJson : JsonSerializerContext;
