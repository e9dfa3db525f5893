using System.CommandLine;
using McpClientGen.Cli.CommandLine;
using McpClientGen.Cli.Connection;
using McpClientGen.Cli.Snapshots;

namespace McpClientGen.Cli.Commands;

/// <summary><c>mcpgen list &lt;endpoint&gt;</c>: prints the server's tools, one per line, sorted by name, with their titles.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var connection = new ConnectionSymbols();
        var command = new Command("list", "Prints the server's tool names and titles, one per line, sorted by name.");
        connection.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            context,
            parseResult.GetValue(verbose),
            async (logging, token) =>
            {
                var snapshot = await LiveTools.FetchAsync(connection.Read(parseResult), context, logging, token).ConfigureAwait(false);
                var tools = snapshot.Tools.OrderBy(tool => tool.Name, StringComparer.Ordinal).ToList();
                var width = tools.Count == 0 ? 0 : tools.Max(tool => tool.Name.Length);
                foreach (var tool in tools)
                {
                    var title = tool.Title ?? tool.Annotations?.Title;
                    await context.Out.WriteLineAsync(title is null ? tool.Name : $"{tool.Name.PadRight(width)}  {title}").ConfigureAwait(false);
                }

                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }
}
