using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Tests;

/// <summary>The tool definitions generated clients hand to the SDK: kept when valid, never fatal when not.</summary>
public sealed class SnapshotToolTests
{
    [Fact]
    public void A_tool_without_a_schema_gets_an_empty_object_schema()
    {
        var tool = Probe.Tool("ping", null);

        Assert.Equal("ping", tool.Name);
        Assert.Equal("""{"type":"object"}""", tool.InputSchema.GetRawText());
    }

    [Fact]
    public void A_schema_with_header_annotations_is_kept()
    {
        const string schema = """{"type":"object","properties":{"region":{"type":"string","x-mcp-header":"Region"}}}""";

        var tool = Probe.Tool("find_office", schema);

        Assert.Equal("Region", tool.InputSchema.GetProperty("properties").GetProperty("region").GetProperty("x-mcp-header").GetString());
    }

    [Theory]
    [InlineData("""{"properties":{"region":{"type":"string","x-mcp-header":"Region"}}}""")]
    [InlineData("""{"type":"object",""")]
    public void A_schema_the_SDK_rejects_falls_back_to_an_empty_object_schema(string schema)
    {
        var tool = Probe.Tool("find_office", schema);

        Assert.Equal(JsonValueKind.Object, tool.InputSchema.ValueKind);
        Assert.Equal("""{"type":"object"}""", tool.InputSchema.GetRawText());
    }

    [Theory]
    [InlineData("""{"properties":{"region":{"type":"string","x-mcp-header":"Region"}}}""")]
    [InlineData("""{"type":"object",""")]
    public async Task A_schema_that_cannot_be_used_is_logged_when_a_client_registers_its_tools(string schema)
    {
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(new FakeLoggerProvider(logs)));
        await using var connection = McpConnection.CreateUnauthenticated(new Uri("http://127.0.0.1:9/mcp"), loggerFactory);

        // As a generated client does: its tools are made with no logger at hand, and registered when it is created.
        _ = new Probe(connection, [Probe.Tool("find_office", schema), Probe.Tool("ping", null)]);

        var entry = Assert.Single(logs.GetSnapshot());
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("SnapshotSchemaUnusable", entry.Id.Name);
        Assert.Equal(typeof(McpConnection).FullName, entry.Category);
        Assert.Equal("find_office", entry.GetStructuredStateValue("ToolName"));
        Assert.Contains("'find_office'", entry.Message, StringComparison.Ordinal);
    }

    /// <summary>Reaches the protected factory the generated clients use, and registers tools as they do.</summary>
    private sealed class Probe : McpClientProxy
    {
        public Probe(McpConnection connection, IEnumerable<Tool> knownTools)
            : base(connection, ownsConnection: false, knownTools)
        {
        }

        public static Tool Tool(string name, string? schema) => SnapshotTool(name, schema);
    }
}
