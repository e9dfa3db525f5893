using System.Text.Json;
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

    /// <summary>Reaches the protected factory the generated clients use.</summary>
    private sealed class Probe : McpClientProxy
    {
        private Probe()
            : base(null!, ownsConnection: false)
        {
        }

        public static Tool Tool(string name, string? schema) => SnapshotTool(name, schema);
    }
}
