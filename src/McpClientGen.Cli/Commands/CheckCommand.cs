using System.CommandLine;
using McpClientGen.Cli.CommandLine;
using McpClientGen.Cli.Connection;
using McpClientGen.Cli.Drift;
using McpClientGen.Cli.Overlays;
using McpClientGen.Cli.Snapshots;
using McpClientGen.Snapshots;

namespace McpClientGen.Cli.Commands;

/// <summary>
/// <c>mcpgen check &lt;endpoint&gt; &lt;file&gt;</c> (or <c>mcpgen check --stdio "command" &lt;file&gt;</c>): exits 0 when the server's tools, prompts, resources and resource
/// templates equal the snapshot's, and 1 with a diff when they do not. They are compared as the snapshot writer renders
/// them; the server's name and version and the protocol version are not compared (see <see cref="DriftDetector"/>).
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var connection = new ConnectionSymbols();
        var file = new Argument<string?>("file")
        {
            Arity = ArgumentArity.ZeroOrOne, // Required, but after --stdio it is the only argument: see ConnectionSymbols.Next.
            Description = "The snapshot to compare with, such as schemas/crm.mcp.json. An overlay beside it is the user's, not the server's, and is not compared.",
        };
        file.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } path && SchemaFileNames.IsOverlay(path))
            {
                result.AddError($"{path} is an overlay, which holds what you add, not what the server publishes: check the snapshot {SchemaFileNames.SnapshotBeside(path)}.");
            }
        });

        var command = new Command("check", "Exits 1 with a diff when the server's tools, prompts or resources differ from the snapshot, 0 when they are the same.");
        connection.AddTo(command, next: file);
        command.Add(file);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            context,
            parseResult.GetValue(verbose),
            async (logging, token) =>
            {
                var settings = connection.Read(parseResult);
                var path = connection.Next(parseResult, file)!;
                // The file before the server: a missing snapshot should not cost a token request.
                var snapshot = await SnapshotFileReader.ReadAsync(path, token).ConfigureAwait(false);
                var live = await LiveTools.FetchAsync(settings, context, logging, token).ConfigureAwait(false);

                await NoteProvenanceAsync(context.Error, snapshot.Snapshot, live).ConfigureAwait(false);
                var server = snapshot.Comparable(SnapshotEntries.Of(live));
                var drift = DriftDetector.Compare(snapshot.Entries, server);
                if (drift.IsEmpty)
                {
                    await context.Out.WriteLineAsync($"{path} matches the {server.Describe()} of {settings.Server}.").ConfigureAwait(false);
                    return ExitCodes.Success;
                }

                DriftReport.Write(context.Out, drift, path, settings.Server);
                var accept = settings.Stdio is null ? settings.Endpoint!.ToString() : "--stdio \"...\"";
                await context.Error.WriteLineAsync(
                    $"To accept what the server lists: mcpgen snapshot {accept} -o {path} (with the same options), then rebuild to see which calls break.")
                    .ConfigureAwait(false);
                return ExitCodes.Drift;
            },
            cancellationToken));
        return command;
    }

    /// <summary>A server or protocol version that moved on is worth knowing, though it is not drift.</summary>
    private static async Task NoteProvenanceAsync(TextWriter stderr, ToolSnapshot snapshot, ToolSnapshot live)
    {
        if (snapshot.Server is not null && live.Server is not null
            && (snapshot.Server.Name != live.Server.Name || snapshot.Server.Version != live.Server.Version))
        {
            await stderr.WriteLineAsync($"Note: the snapshot is of {ServerLabel.Of(snapshot)}, the server is {ServerLabel.Of(live)}.").ConfigureAwait(false);
        }

        if (snapshot.ProtocolVersion is not null && live.ProtocolVersion is not null && snapshot.ProtocolVersion != live.ProtocolVersion)
        {
            await stderr.WriteLineAsync(
                $"Note: the snapshot was taken with protocol {snapshot.ProtocolVersion}, this session uses {live.ProtocolVersion}.").ConfigureAwait(false);
        }
    }
}
