using System.Net;
using McpClientGen.Cli.Connection;
using Microsoft.Extensions.Logging;

namespace McpClientGen.Cli.Snapshots;

/// <summary>Connects to a server and lists its tools, saying on standard error what it does.</summary>
internal static class LiveTools
{
    public static async Task<ToolListing> FetchAsync(
        ConnectionSettings settings, CliContext context, ILoggerFactory? logging, CancellationToken cancellationToken)
    {
        // Created before the progress line: a missing secret or key file is reported before anything seems to connect.
        var connection = ConnectionFactory.Create(settings, context.Environment, logging);
        await using (connection.ConfigureAwait(false))
        {
            var identity = settings.NoAuth ? "without authentication" : $"as {settings.ClientId}";
            await context.Error.WriteLineAsync($"Connecting to {settings.Endpoint} {identity}...").ConfigureAwait(false);
            try
            {
                var tools = await connection.ListToolsAsync(cancellationToken).ConfigureAwait(false);
                var (server, protocolVersion) = await connection.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
                var listing = new ToolListing(server, protocolVersion, tools.Select(tool => tool.ProtocolTool).ToList());
                await context.Error.WriteLineAsync(
                    $"{listing.ServerLabel} (protocol {protocolVersion ?? "unknown"}) lists {listing.Tools.Count} tools.").ConfigureAwait(false);
                return listing;
            }
            catch (HttpRequestException exception) when (settings.NoAuth && exception.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new CommandFailedException(
                    "The server requires authentication (HTTP 401): give --client-id with a secret or key instead of --no-auth.", exception);
            }
        }
    }
}
