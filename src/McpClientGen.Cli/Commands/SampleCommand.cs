using System.CommandLine;
using System.Text.Json;
using McpClientGen.Cli.CommandLine;
using McpClientGen.Cli.Connection;
using McpClientGen.Cli.Files;
using McpClientGen.Cli.Overlays;
using McpClientGen.Cli.Sampling;
using McpClientGen.Cli.Snapshots;
using McpClientGen.Snapshots;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Cli.Commands;

/// <summary>
/// <c>mcpgen sample &lt;endpoint&gt; &lt;tool&gt; --arguments '{...}' [--overlay file]</c>: calls a tool once, infers a
/// JSON Schema from its result, and merges it into the tool's <c>outputSchema</c> in an overlay (or prints the overlay
/// fragment). Each run refines what earlier runs wrote, so a few calls with different arguments give a schema that fits
/// them all.
/// </summary>
internal static class SampleCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var connection = new ConnectionSymbols();
        var tool = new Argument<string>("tool")
        {
            Description = "The name of the tool to call, as mcpgen list shows it.",
        };
        var arguments = new Option<Dictionary<string, JsonElement>>("--arguments", "-a")
        {
            Description = "The tool's arguments as a JSON object, such as '{\"owner\": \"octo\", \"issue_number\": 1}'. Default: {}.",
            HelpName = "json",
            CustomParser = ToolArgumentsParser.Parse,
            DefaultValueFactory = _ => [],
        };
        var overlay = new Option<string>("--overlay")
        {
            Description = "The overlay to write the schema into, such as schemas/github.overlay.json; its other content is kept, "
                + "and an outputSchema already there is refined. Without it, the overlay fragment goes to standard output.",
            HelpName = "file",
        };
        overlay.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } path && SchemaFileNames.IsSnapshot(path))
            {
                result.AddError($"{path} is a snapshot, which mcpgen snapshot rewrites; give the overlay beside it: {path[..^SchemaFileNames.SnapshotSuffix.Length]}{SchemaFileNames.OverlaySuffix}.");
            }
        });

        var command = new Command(
            "sample",
            "Calls a tool once and infers a JSON Schema of its result, merged into the tool's outputSchema in an overlay; repeat with other arguments to refine it.");
        connection.AddTo(command, stdio: false);
        command.Add(tool);
        command.Add(arguments);
        command.Add(overlay);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            context,
            parseResult.GetValue(verbose),
            async (logging, token) =>
            {
                var settings = connection.Read(parseResult);
                var toolName = parseResult.GetRequiredValue(tool);
                var overlayPath = parseResult.GetValue(overlay);
                // The overlay before the server: a file that cannot be merged into should not cost a tool call.
                var document = overlayPath is null ? OverlayDocument.Empty() : await OverlayFile.ReadAsync(overlayPath, token).ConfigureAwait(false);
                var earlier = ReadEarlierSchema(document, toolName, overlayPath);

                var sample = await LiveTools.UseAsync(
                    settings,
                    context,
                    logging,
                    (session, snapshot, ct) => CallAsync(session, snapshot, toolName, parseResult.GetRequiredValue(arguments), context, ct),
                    token).ConfigureAwait(false);
                var schema = SchemaInference.Infer(sample);
                if (earlier is not null)
                {
                    var notes = new List<string>();
                    schema = SchemaMerge.Merge(ViolatedKeywords.Drop(earlier, sample, OutputSchemaPath(toolName), notes), schema);
                    foreach (var note in notes)
                    {
                        await context.Error.WriteLineAsync($"Note: {note}").ConfigureAwait(false);
                    }
                }

                document.SetOutputSchema(toolName, schema);

                if (overlayPath is null)
                {
                    await context.Out.WriteAsync(document.ToJson()).ConfigureAwait(false);
                    return ExitCodes.Success;
                }

                var written = await CommittedFile.WriteAsync(overlayPath, document.ToJson(), "the overlay", token).ConfigureAwait(false);
                var what = earlier is null ? "the inferred outputSchema" : "the outputSchema refined by this sample";
                await context.Error.WriteLineAsync(written ? $"Wrote {what} of {toolName} to {overlayPath}." : $"{overlayPath} is up to date: this sample fits its outputSchema of {toolName}.").ConfigureAwait(false);
                if (!SchemaFileNames.IsOverlay(overlayPath))
                {
                    await context.Error.WriteLineAsync(
                        $"Note: the generator reads an overlay named <name>{SchemaFileNames.OverlaySuffix} beside <name>{SchemaFileNames.SnapshotSuffix}.").ConfigureAwait(false);
                }

                await context.Out.WriteLineAsync(overlayPath).ConfigureAwait(false);
                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }

    private static InferredSchema? ReadEarlierSchema(OverlayDocument document, string toolName, string? overlayPath)
    {
        if (document.OutputSchemaOf(toolName) is not { } existing)
        {
            return null;
        }

        var path = OutputSchemaPath(toolName);
        try
        {
            return SchemaReader.Read(existing, path);
        }
        catch (FormatException exception)
        {
            throw new CommandFailedException(
                $"{overlayPath}: {exception.Message}, so the sample cannot be merged into it. It was left as it is; fix or remove {path}.", exception);
        }
    }

    /// <summary>Where messages say a tool's <c>outputSchema</c> is in the overlay.</summary>
    private static string OutputSchemaPath(string toolName) => $"tools.{toolName}.outputSchema";

    private static async Task<JsonElement> CallAsync(
        McpConnection session,
        ToolSnapshot snapshot,
        string toolName,
        Dictionary<string, JsonElement> arguments,
        CliContext context,
        CancellationToken cancellationToken)
    {
        var listed = snapshot.Tools.FirstOrDefault(candidate => candidate.Name == toolName);
        if (listed is null)
        {
            var closest = ClosestNames.To(toolName, snapshot.Tools.Select(candidate => candidate.Name));
            var hint = closest.Count == 0 ? "it lists no tools" : $"did you mean {string.Join(", ", closest)}? (mcpgen list shows them all)";
            throw new CommandFailedException($"The server has no tool '{toolName}': {hint}");
        }

        if (listed.OutputSchema is not null)
        {
            await context.Error.WriteLineAsync(
                $"Note: {toolName} publishes an outputSchema of its own, which the snapshot holds and the generator uses; the overlay's applies only to tools without one.")
                .ConfigureAwait(false);
        }

        await context.Error.WriteLineAsync($"Calling {toolName}...").ConfigureAwait(false);
        var result = await session.CallToolAsync(new CallToolRequestParams { Name = toolName, Arguments = arguments }, cancellationToken).ConfigureAwait(false);
        if (result.IsError == true)
        {
            var message = string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text));
            throw new CommandFailedException(
                $"{toolName} answered with an error: {(message.Length == 0 ? "(no message)" : OneLineText.Quoted(message))}");
        }

        return ToolResultObject.Find(result, toolName);
    }
}
