using System.CommandLine;
using System.Text;
using McpClientGen.Cli.CommandLine;
using McpClientGen.Cli.Connection;
using McpClientGen.Cli.Snapshots;

namespace McpClientGen.Cli.Commands;

/// <summary>
/// <c>mcpgen snapshot &lt;endpoint&gt; -o &lt;file&gt;</c>: writes the server's tools as a snapshot. The same server gives
/// the same bytes every time, so the file can be committed and its diff reviewed.
/// </summary>
internal static class SnapshotCommand
{
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var connection = new ConnectionSymbols();
        var output = new Option<string>("--output", "-o")
        {
            Description = "The snapshot file to write, such as schemas/crm.mcp.json; missing folders are created.",
            HelpName = "file",
            Required = true,
        };

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
                var written = await WriteAsync(path, snapshot.ToJson(), token).ConfigureAwait(false);
                await context.Error.WriteLineAsync(written ? $"Wrote {path}." : $"{path} is up to date.").ConfigureAwait(false);
                await context.Out.WriteLineAsync(path).ConfigureAwait(false);
                return ExitCodes.Success;
            },
            cancellationToken));
        return command;
    }

    /// <summary>Writes the snapshot unless the file already holds exactly it, so an unchanged file keeps its timestamp.</summary>
    /// <returns>Whether the file was written.</returns>
    private static async Task<bool> WriteAsync(string path, string snapshot, CancellationToken cancellationToken)
    {
        try
        {
            var fullPath = Path.GetFullPath(path);
            var bytes = Utf8WithoutBom.GetBytes(snapshot);
            if (File.Exists(fullPath) && (await File.ReadAllBytesAsync(fullPath, cancellationToken).ConfigureAwait(false)).AsSpan().SequenceEqual(bytes))
            {
                return false;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            await File.WriteAllBytesAsync(fullPath, bytes, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"Cannot write the snapshot: {exception.Message}", exception);
        }
    }
}
