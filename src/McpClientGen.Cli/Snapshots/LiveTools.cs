using System.Net;
using McpClientGen.Cli.Connection;
using McpClientGen.Snapshots;
using Microsoft.Extensions.Logging;

namespace McpClientGen.Cli.Snapshots;

/// <summary>Connects to a server and lists its tools, saying on standard error what it does.</summary>
internal static class LiveTools
{
    public static Task<ToolSnapshot> FetchAsync(
        ConnectionSettings settings, CliContext context, ILoggerFactory? logging, CancellationToken cancellationToken) =>
        UseAsync(settings, context, logging, (_, snapshot, _) => Task.FromResult(snapshot), cancellationToken);

    /// <summary>
    /// Lists the server's tools, then hands the still open connection and the tools to <paramref name="work"/>, for a
    /// command that goes on to call one of them.
    /// </summary>
    public static async Task<T> UseAsync<T>(
        ConnectionSettings settings,
        CliContext context,
        ILoggerFactory? logging,
        Func<McpConnection, ToolSnapshot, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        // Created before the progress line: a missing secret or key file is reported before anything seems to connect.
        var connection = ConnectionFactory.Create(settings, context.Environment, logging);
        await using (connection.ConfigureAwait(false))
        {
            var identity = settings.NoAuth ? "without authentication" : $"as {settings.ClientId}";
            var connecting = settings.Stdio is null ? $"Connecting to {settings.Server}" : $"Starting {settings.Server}";
            await context.Error.WriteLineAsync($"{connecting} {identity}...").ConfigureAwait(false);
            try
            {
                var snapshot = await ToolSnapshot.CaptureAsync(connection, cancellationToken).ConfigureAwait(false);
                await context.Error.WriteLineAsync(
                    $"{ServerLabel.Of(snapshot)} (protocol {snapshot.ProtocolVersion ?? "unknown"}) lists {SnapshotEntries.Of(snapshot).Describe()}.").ConfigureAwait(false);
                return await work(connection, snapshot, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException exception) when (settings.NoAuth && exception.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new CommandFailedException(
                    "The server requires authentication (HTTP 401): give --client-id with a secret or key instead of --no-auth.", exception);
            }
        }
    }
}
