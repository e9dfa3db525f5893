using System.CommandLine;
using McpClientGen.Cli.CommandLine;
using McpClientGen.Cli.Connection;
using McpClientGen.Cli.Snapshots;

namespace McpClientGen.Cli.Commands;

/// <summary><c>mcpgen list &lt;endpoint&gt;</c>: prints the server's tools, prompts and resources (see <see cref="EntryListing"/>).</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var connection = new ConnectionSymbols();
        var command = new Command("list", "Prints the server's tool names and titles, one per line, sorted by name, then its prompts, resources and resource templates, if any.");
        connection.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            context,
            parseResult.GetValue(verbose),
            async (logging, token) =>
            {
                var snapshot = await LiveTools.FetchAsync(connection.Read(parseResult), context, logging, token).ConfigureAwait(false);
                await EntryListing.WriteAsync(context.Out, SnapshotEntries.Of(snapshot)).ConfigureAwait(false);
                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }
}
