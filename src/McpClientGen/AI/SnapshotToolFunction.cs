using System.Text.Json;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpClientGen;

/// <summary>
/// A tool of a generated client as an <see cref="AIFunction"/>: its description and input schema are the snapshot's,
/// its name the tool's after <see cref="McpAIToolsOptions.NamePrefix"/>, and a call goes through the client's call
/// path (its connection, tokens, headers and telemetry) under the tool's own name. The arguments are written as JSON
/// without reflection (see <see cref="ArgumentWriter"/>).
/// </summary>
internal sealed class SnapshotToolFunction(McpClientProxy client, McpAIToolDescription tool, McpAIToolsOptions options) : AIFunction
{
    private readonly ArgumentWriter _arguments = new(tool.Name, options.JsonSerializerOptions);

    /// <inheritdoc />
    public override string Name { get; } = options.NamePrefix + tool.Name;

    /// <inheritdoc />
    public override string Description => tool.Description;

    /// <inheritdoc />
    public override JsonElement JsonSchema => tool.InputSchema;

    /// <inheritdoc />
    public override JsonSerializerOptions JsonSerializerOptions => options.JsonSerializerOptions ?? AIJsonUtilities.DefaultOptions;

    /// <summary>
    /// Calls the tool. A tool that reports <c>isError</c> gives the model its result, as for any other answer, so the
    /// model can read what went wrong; failures of the connection or protocol are thrown.
    /// </summary>
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var toolArguments = _arguments.Write(arguments);
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
}
