using System.Text.Json;
using System.Text.Json.Nodes;
using McpClientGen.Serialization;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpClientGen;

/// <summary>
/// A tool of a generated client as an <see cref="AIFunction"/>: its name, description and input schema are the
/// snapshot's, and a call goes through the client's call path (its connection, tokens and telemetry). The arguments are
/// written as JSON without reflection: values an agent parsed from the model's JSON are written as they are, any other
/// value through the resolver of <see cref="AIJsonUtilities.DefaultOptions"/>.
/// </summary>
internal sealed class SnapshotToolFunction(McpClientProxy client, Tool tool) : AIFunction
{
    /// <inheritdoc />
    public override string Name => tool.Name;

    /// <inheritdoc />
    public override string Description => tool.Description ?? "";

    /// <inheritdoc />
    public override JsonElement JsonSchema => tool.InputSchema;

    /// <inheritdoc />
    public override JsonSerializerOptions JsonSerializerOptions => AIJsonUtilities.DefaultOptions;

    /// <summary>
    /// Calls the tool. A tool that reports <c>isError</c> gives the model its result, as for any other answer, so the
    /// model can read what went wrong; failures of the connection or protocol are thrown.
    /// </summary>
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var toolArguments = new ToolArguments();
        foreach (var (name, value) in arguments)
        {
            toolArguments.Writer.WritePropertyName(name);
            WriteValue(toolArguments.Writer, value);
        }

        CallToolResult result;
        try
        {
            result = await client.CallToolAsync(tool.Name, toolArguments, progress: null, cancellationToken).ConfigureAwait(false);
        }
        catch (McpToolException failed)
        {
            result = failed.Result;
        }

        return JsonSerializer.SerializeToElement(result, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult)));
    }

    private void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            default:
                JsonSerializer.Serialize(writer, value, JsonSerializerOptions.GetTypeInfo(value.GetType()));
                break;
        }
    }
}
