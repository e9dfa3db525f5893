using System.CommandLine;
using McpClientGen.Cli.CommandLine;
using McpClientGen.Cli.Connection;
using McpClientGen.Cli.Files;
using McpClientGen.Cli.Overlays;
using McpClientGen.Cli.Snapshots;

namespace McpClientGen.Cli.Commands;

/// <summary>
/// <c>mcpgen snapshot <c>mcpgen snapshot &lt;endpoint&gt; -o &lt;file&gt;</c>lt;endpoint<c>mcpgen snapshot &lt;endpoint&gt; -o &lt;file&gt;</c>gt; -o &lt;file&gt;</c> (or <c>--stdio "command"</c> instead of the endpoint): writes the server's tools as a snapshot. The same server gives
/// the same bytes every time, so the file can be committed and its diff reviewed.
/// </summary>
internal static class SnapshotCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var connection = new ConnectionSymbols();
        var output = new Option<string>("--output", "-o")
        {
            Description = "The snapshot file to write, such as schemas/crm.mcp.json; missing folders are created.",
            HelpName = "file",
            Required = true,
        };
        output.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } path && SchemaFileNames.IsOverlay(path))
            {
                result.AddError(
                    $"{path} is an overlay, which mcpgen snapshot never overwrites: write the snapshot to {SchemaFileNames.SnapshotBeside(path)} beside it.");
            }
        });

        var command = new Command("snapshot", "Writes the server's tools/list as a *.mcp.json snapshot for the McpClientGen generator.");
        connection.AddTo(command);
        command.Add(output);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            context,
            parseResult.GetValue(verbose),
            async (logging, token) =>
            {
                var snapshot = await LiveTools.FetchAsync(connection.Read(parseResult), context, logging, token).ConfigureAwait(false);
                var path = parseResult.GetRequiredValue(output);
                var written = await CommittedFile.WriteAsync(path, snapshot.ToJson(), "the snapshot", token).ConfigureAwait(false);
                await context.Error.WriteLineAsync(written ? $"Wrote {path}." : $"{path} is up to date.").ConfigureAwait(false);
                await context.Out.WriteLineAsync(path).ConfigureAwait(false);
                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }
}
