namespace McpClientGen;

/// <summary>
/// How to start an MCP server that speaks over standard input and output (stdio): the command, its arguments, its
/// environment and its working directory. The connection starts the process when its first session opens, and ends it
/// when the connection is disposed. Bind it from configuration (for example the section <c>Mcp:Files</c>); each
/// property's configuration key is its name, and <see cref="Arguments"/> and <see cref="EnvironmentVariables"/> are a
/// list and a section of name/value pairs.
/// </summary>
/// <remarks>
/// Give a server its secrets (API keys, tokens) through <see cref="EnvironmentVariables"/>, never through
/// <see cref="Arguments"/>: the runtime never writes environment values to logs or exception messages, while arguments
/// are visible to every user of the machine (in the process list) and the MCP SDK logs them at the Trace level.
/// </remarks>
public sealed class McpStdioServerOptions
{
    /// <summary>The program to run, for example <c>dotnet</c>, <c>npx</c> or a path to an executable. Required.</summary>
    public string? Command { get; set; }

    /// <summary>The program's arguments, each passed as it is (quoted for the platform as needed).</summary>
    public IList<string> Arguments { get; set; } = [];

    /// <summary>
    /// Environment variables for the server process, on top of the ones it gets from this process (see
    /// <see cref="InheritEnvironmentVariables"/>); a <see langword="null"/> value removes one. Values are never logged or shown.
    /// </summary>
    public IDictionary<string, string?> EnvironmentVariables { get; set; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>
    /// Whether the server process gets all of this process's environment variables. <see langword="false"/> (the
    /// default) gives it only the few a program needs to start (<c>PATH</c>, <c>HOME</c>, the system folders: the MCP
    /// SDK's <c>StdioClientTransportOptions.GetDefaultEnvironmentVariables()</c>) plus <see cref="EnvironmentVariables"/>,
    /// so a server never sees this process's secrets (a client secret in <c>Mcp__ClientSecret</c>, say) unless given them.
    /// </summary>
    public bool InheritEnvironmentVariables { get; set; }

    /// <summary>The server process's working directory; this process's current directory when not set. It must exist.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>
    /// How long disposing the connection waits for the server to exit after its input is closed, before the process (and
    /// its children) is killed. Five seconds by default.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    // The longest wait the process APIs the SDK ends the server with accept.
    private static readonly TimeSpan MaxShutdownTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>
    /// The MCP protocol version to insist on in the handshake; <see langword="null"/> (the default) lets the client and the
    /// server agree on one. See <see cref="McpConnectionOptions.ProtocolVersion"/>.
    /// </summary>
    public string? ProtocolVersion { get; set; }

    /// <summary>A copy with its own lists, validated; what the connection keeps, so later changes to these options do not reach it.</summary>
    /// <exception cref="InvalidOperationException">An option is missing or invalid; the message names it, never an environment value.</exception>
    internal McpStdioServerOptions ValidatedCopy()
    {
        if (string.IsNullOrWhiteSpace(Command))
        {
            throw Invalid("set Command to the program that starts the server (for example 'dotnet' or 'npx').");
        }

        if (Arguments is null || Arguments.Any(argument => argument is null))
        {
            throw Invalid("Arguments cannot be null or hold a null argument.");
        }

        if (EnvironmentVariables is null)
        {
            throw Invalid("EnvironmentVariables cannot be null.");
        }

        // Only names reach messages: a value may be a secret.
        if (EnvironmentVariables.Keys.FirstOrDefault(name => string.IsNullOrWhiteSpace(name) || name.Contains('=', StringComparison.Ordinal)) is { } badName)
        {
            throw Invalid($"the environment variable name '{badName}' is empty or holds '='.");
        }

        if (WorkingDirectory is not null && !Directory.Exists(WorkingDirectory))
        {
            throw Invalid($"the WorkingDirectory '{WorkingDirectory}' does not exist.");
        }

        if (ShutdownTimeout <= TimeSpan.Zero || ShutdownTimeout > MaxShutdownTimeout)
        {
            throw Invalid("ShutdownTimeout must be positive and at most int.MaxValue milliseconds.");
        }

        return new McpStdioServerOptions
        {
            Command = Command,
            Arguments = [.. Arguments],
            EnvironmentVariables = new Dictionary<string, string?>(EnvironmentVariables, StringComparer.Ordinal),
            InheritEnvironmentVariables = InheritEnvironmentVariables,
            WorkingDirectory = WorkingDirectory,
            ShutdownTimeout = ShutdownTimeout,
            ProtocolVersion = ProtocolVersion,
        };
    }

    private static InvalidOperationException Invalid(string problem) => new($"Invalid McpStdioServerOptions: {problem}");
}
