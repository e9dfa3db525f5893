using System.Text.Json.Nodes;
using McpClientGen.Cli.Tests.Support;
using McpClientGen.Testing;

namespace McpClientGen.Cli.Tests;

/// <summary>
/// Where <c>mcpgen sample</c> finds the JSON of a result (structuredContent, the first text block, all text blocks),
/// and the one-line errors when there is none; against a real server without authentication (<c>--no-auth</c>).
/// </summary>
public sealed class SampleResultTests : IAsyncLifetime
{
    private LoopbackMcpServer? _server;

    public async Task InitializeAsync() => _server = await LoopbackMcpServer.StartAsync<ResultShapeTools>();

    public async Task DisposeAsync() => await _server!.DisposeAsync();

    [Theory]
    [InlineData("structured", """{"type":"object","properties":{"id":{"type":"string","format":"uuid"},"score":{"type":"number"}},"required":["id","score"]}""")]
    [InlineData("split_text", """{"type":"object","properties":{"count":{"type":"integer"},"day":{"type":"string","format":"date"}},"required":["count","day"]}""")]
    [InlineData("first_of_several", """{"type":"object","properties":{"first":{"type":"boolean"}},"required":["first"]}""")]
    public async Task The_json_is_found_where_generated_clients_look_for_it(string tool, string schema)
    {
        var result = await SampleAsync(tool);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(schema, JsonNode.Parse(result.Out)!["tools"]![tool]!["outputSchema"]!.ToJsonString());
        Assert.Contains("without authentication", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prose", "error: prose answered with text that is not JSON (\"The issue is open. It has 3 comments.\"): there is no JSON to infer a schema from.")]
    [InlineData("json_array", "error: json_array answered with a JSON array, not a JSON object; an output schema describes an object (MCP), so declare a result type instead (Task<JsonElement> or Task<string>).")]
    [InlineData("image_only", "error: image_only answered with image content only: there is no JSON to infer a schema from.")]
    [InlineData("array_then_object", "error: array_then_object answered with a JSON array, not a JSON object; an output schema describes an object (MCP), so declare a result type instead (Task<JsonElement> or Task<string>).")]
    [InlineData("structured_array", "error: structured_array answered with a JSON array, not a JSON object; an output schema describes an object (MCP), so declare a result type instead (Task<JsonElement> or Task<string>).")]
    public async Task A_result_without_a_json_object_is_one_line(string tool, string message)
    {
        var result = await SampleAsync(tool);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Equal(message, result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last());
    }

    [Fact]
    public async Task A_tool_error_quotes_the_server_on_one_line_and_caps_it()
    {
        var result = await SampleAsync("fail");

        Assert.True(result.ExitCode == 2, result.ToString());
        var error = Assert.Single(result.Error.Split('\n'), line => line.StartsWith("error: ", StringComparison.Ordinal));
        Assert.StartsWith("error: fail answered with an error: Rate limit exceeded. xxx", error, StringComparison.Ordinal);
        Assert.EndsWith("x…", error, StringComparison.Ordinal);
        Assert.Equal("error: fail answered with an error: ".Length + 200 + 1, error.Length);
    }

    private Task<CliResult> SampleAsync(string tool) => Mcpgen.RunAsync("sample", _server!.Endpoint.AbsoluteUri, tool, "--no-auth");
}
