using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpClientGen.DemoServer;

/// <summary>
/// The <c>echo_shapes</c> tool: publishes the hand-written schema in <c>EchoShapesSchema.json</c> as both its input
/// and output schema and answers with the arguments it received, unchanged. It exists for client tests, to reach
/// schema shapes (<c>$defs</c>, recursion, <c>allOf</c>, <c>anyOf</c> with null, non-identifier enum values, ...)
/// that the SDK's attribute-based tools never publish.
/// </summary>
internal sealed class EchoShapesTool : McpServerTool
{
    private const string SchemaResourceName = "McpClientGen.DemoServer.EchoShapesSchema.json";

    private static readonly JsonElement Schema = ToolJson.LoadEmbedded(SchemaResourceName);

    /// <inheritdoc />
    public override Tool ProtocolTool { get; } = new()
    {
        Name = "echo_shapes",
        Title = "Echo shapes (for client tests)",
        Description = "Returns its arguments unchanged, as structured content and as JSON text. It exists for testing "
            + "generated clients: its input and output share one hand-written JSON Schema with $defs, a recursive "
            + "type, a shared $ref, allOf, nullable values, a dictionary, and enum values that are not identifiers.",
        InputSchema = Schema,
        OutputSchema = Schema,
        Annotations = new ToolAnnotations
        {
            Title = "Echo shapes (for client tests)",
            ReadOnlyHint = true,
            IdempotentHint = true,
        },
    };

    /// <inheritdoc />
    /// <remarks>Attribute-based tools carry their method's attributes here; this tool has no method.</remarks>
    public override IReadOnlyList<object> Metadata { get; } = [];

    /// <inheritdoc />
    /// <remarks>
    /// The arguments are not validated against the schema: the tool's job is to show a client exactly what it sent.
    /// </remarks>
    public override ValueTask<CallToolResult> InvokeAsync(
        RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        var echoed = ToolJson.ToObject(request.Params?.Arguments);
        return ValueTask.FromResult(new CallToolResult
        {
            StructuredContent = echoed,
            // Clients without structured-content support read the result from the first text block.
            Content = [new TextContentBlock { Text = echoed.GetRawText() }],
        });
    }
}
