using System.ComponentModel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;

namespace McpClientGen;

/// <summary>
/// Sessions with an MCP server process over stdio: each session starts the process (<paramref name="options"/>, validated) and
/// disposing the session ends it. A process that exits, or cannot be started, fails the call with an
/// <see cref="McpConnectionException"/> that names the command and the exit code, never the arguments or environment, which
/// may carry secrets; the next call starts a new process.
/// </summary>
internal sealed class StdioSessionTransportSource(McpStdioServerOptions options, ILoggerFactory? loggerFactory) : ISessionTransportSource
{
    private readonly ILogger _standardError = loggerFactory?.CreateLogger(StdioServerLog.Category) ?? NullLogger.Instance;

    /// <summary><c>stdio:</c> and the command (for example <c>stdio:dotnet</c>): what the connection talks to, without its arguments.</summary>
    public Uri Endpoint { get; } = EndpointOf(options.Command!);

    /// <summary>Every session is a new process, and the command alone does not say which server it is.</summary>
    public bool RemembersProtocolRevision => false;

    private string Command => options.Command!;

    public IClientTransport CreateTransport(ILoggerFactory? sessionLogging) => new ProgressReadingTransport(new StdioClientTransport(
        new StdioClientTransportOptions
        {
            Command = Command,
            Arguments = [.. options.Arguments],
            InheritEnvironmentVariables = options.InheritEnvironmentVariables,
            EnvironmentVariables = EnvironmentVariables(),
            WorkingDirectory = options.WorkingDirectory,
            ShutdownTimeout = options.ShutdownTimeout,
            StandardErrorLines = line => StdioServerLog.StandardError(_standardError, Command, line),
        },
        sessionLogging is null ? null : new StandardErrorOnceLoggerFactory(sessionLogging)));

    /// <summary>The options' variables, over the SDK's short list of safe ones when the process inherits nothing else.</summary>
    private Dictionary<string, string?> EnvironmentVariables()
    {
        var variables = options.InheritEnvironmentVariables
            ? new Dictionary<string, string?>(StringComparer.Ordinal)
            : new Dictionary<string, string?>(StdioClientTransportOptions.GetDefaultEnvironmentVariables(), StringComparer.Ordinal);
        foreach (var (name, value) in options.EnvironmentVariables)
        {
            variables[name] = value;
        }

        return variables;
    }

    public async ValueTask<McpConnectionException?> DescribeFailureAsync(Exception exception, McpClient? session, bool opening)
    {
        if (exception is McpConnectionException known)
        {
            return known;
        }

        if (Find<Win32Exception>(exception) is { } notStarted)
        {
            return new McpConnectionException(
                McpConnectionFailure.Unreachable,
                Endpoint,
                $"Cannot start the stdio MCP server '{Command}': {notStarted.Message.TrimEnd('.')}. Check the command, and that it is on PATH or given with its path.",
                notStarted);
        }

        var details = Find<ClientTransportClosedException>(exception)?.Details as StdioClientCompletionDetails
            ?? await ExitOfAsync(session).ConfigureAwait(false);
        if (details is null)
        {
            return null;
        }

        var exit = details.ExitCode is { } code ? $"exited with code {code}" : "exited";
        var when = opening ? "before the MCP handshake completed" : "during the call";
        return new McpConnectionException(
            McpConnectionFailure.ServerExited,
            Endpoint,
            $"The stdio MCP server '{Command}' {exit} {when}. Its standard error is logged in the category '{StdioServerLog.Category}'; the next call starts it again.");
    }

    /// <summary>
    /// How the session's process ended, once it has: a call fails as soon as the process closes its output, and the SDK
    /// completes the session after the process has exited (within the shutdown timeout).
    /// </summary>
    private async Task<StdioClientCompletionDetails?> ExitOfAsync(McpClient? session)
    {
        if (session is null)
        {
            return null;
        }

        try
        {
            return await session.Completion.WaitAsync(options.ShutdownTimeout).ConfigureAwait(false) as StdioClientCompletionDetails;
        }
        catch (TimeoutException)
        {
            // The process is still running: the failure was not its exit.
            return null;
        }
    }

    /// <summary>Nothing to release: each process belongs to its session, which the connection disposes.</summary>
    public void Dispose()
    {
    }

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary><c>stdio:</c> and the command, each segment of a path escaped as a URI path segment.</summary>
    private static Uri EndpointOf(string command) =>
        new("stdio:" + string.Join('/', command.Split('/', '\\').Select(Uri.EscapeDataString)));
}
