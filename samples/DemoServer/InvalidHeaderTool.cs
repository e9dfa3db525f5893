using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpClientGen.DemoServer;

/// <summary>
/// The <c>archive_ticket</c> tool, whose schema asks for the header <c>Mcp-Param-Ticket Id</c>: a header name may not
/// contain a space (SEP-2243), so a conforming client drops the tool from <c>tools/list</c> and never calls it. It is
/// written by hand because the SDK's <c>[McpHeader]</c> refuses such a name. It exists for client tests; it would
/// only say what it was asked to archive.
/// </summary>
internal sealed class InvalidHeaderTool : McpServerTool
{
    /// <inheritdoc />
    public override Tool ProtocolTool { get; } = new()
    {
        Name = "archive_ticket",
        Title = "Archive ticket",
        Description = "Archives a support ticket. Its x-mcp-header declaration is invalid on purpose, so clients must never call it.",
        InputSchema = JsonElement.Parse(
            """{"type":"object","properties":{"ticket":{"type":"string","x-mcp-header":"Ticket Id"}},"required":["ticket"]}"""),
    };

    /// <inheritdoc />
    /// <remarks>Attribute-based tools carry their method's attributes here; this tool has no method.</remarks>
    public override IReadOnlyList<object> Metadata { get; } = [];

    /// <inheritdoc />
    public override ValueTask<CallToolResult> InvokeAsync(
        RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new CallToolResult { Content = [new TextContentBlock { Text = "Archived." }] });
}
