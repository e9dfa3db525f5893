using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpClientGen.StdioTestServer;

/// <summary>
/// The tools: one that answers from its arguments, one that reports progress, one that writes to stderr (which the client
/// routes to logging), one that waits until the client cancels it, and one that ends the process in the middle of its
/// call, as a crashing server does.
/// </summary>
[McpServerToolType]
internal sealed class StdioTestTools
{
    [McpServerTool(Name = "echo", ReadOnly = true)]
    [Description("Returns the message, repeated as often as asked and joined by single spaces.")]
    public static string Echo(
        [Description("The text to return.")] string message,
        [Description("How many times to repeat it; once when not given.")] int repeat = 1) =>
        string.Join(' ', Enumerable.Repeat(message, repeat));

    [McpServerTool(Name = "write_stderr")]
    [Description("Writes one line to the server's standard error and returns the server's process id.")]
    public static async Task<int> WriteStderrAsync([Description("The line to write.")] string line)
    {
        await WriteLineAsync(line).ConfigureAwait(false);
        return Environment.ProcessId;
    }

    [McpServerTool(Name = "count", ReadOnly = true)]
    [Description("Reports progress from 1 to the number given, then returns the number.")]
    public static int Count([Description("How far to count.")] int to, IProgress<ProgressNotificationValue> progress)
    {
        for (var step = 1; step <= to; step++)
        {
            progress.Report(new ProgressNotificationValue { Progress = step, Total = to, Message = $"step {step}" });
        }

        return to;
    }

    [McpServerTool(Name = "wait_until_cancelled", ReadOnly = true)]
    [Description("Writes 'waiting <label>' to standard error, waits until the call is cancelled, then writes 'cancelled <label>'.")]
    public static async Task<string> WaitUntilCancelledAsync([Description("Names this call in the lines written.")] string label, CancellationToken cancellationToken)
    {
        await WriteLineAsync($"waiting {label}").ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Only notifications/cancelled from the client cancels this token while the server runs on.
            await WriteLineAsync($"cancelled {label}").ConfigureAwait(false);
            throw;
        }

        return "never";
    }

    [McpServerTool(Name = "malformed_progress", ReadOnly = true)]
    [Description("Sends two malformed progress notifications (params that are not an object; a progress beyond float range), then returns 'answered'.")]
    public static async Task<string> MalformedProgressAsync(McpServer server, CancellationToken cancellationToken)
    {
        await server.SendNotificationAsync(NotificationMethods.ProgressNotification, new JsonArray(1, 2), cancellationToken: cancellationToken).ConfigureAwait(false);
        await server.SendNotificationAsync(
            NotificationMethods.ProgressNotification,
            JsonNode.Parse("""{"progressToken":"malformed","progress":1e300,"total":1e300}"""),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return "answered";
    }

    [McpServerTool(Name = "exit")]
    [Description("Ends the server process with the exit code, without answering the call.")]
    public static string Exit([Description("The process's exit code.")] int code)
    {
        Environment.Exit(code);
        return "unreachable";
    }

    // A hash, not the value: a test that gives the server a secret this way checks that no log holds it, and the
    // client's Trace log holds every answer.
    [McpServerTool(Name = "environment_variable_hash", ReadOnly = true)]
    [Description("Returns the SHA-256 (lowercase hex) of the UTF-8 value of one of the server process's environment variables, or an empty string when it is not set.")]
    public static string EnvironmentVariableHash([Description("The variable's name.")] string name) =>
        Environment.GetEnvironmentVariable(name) is { } value ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value))) : "";

    [McpServerTool(Name = "working_directory", ReadOnly = true)]
    [Description("Returns the server process's working directory.")]
    public static string WorkingDirectory() => Environment.CurrentDirectory;

    private static async Task WriteLineAsync(string line)
    {
        await Console.Error.WriteLineAsync(line).ConfigureAwait(false);
        await Console.Error.FlushAsync().ConfigureAwait(false);
    }
}
