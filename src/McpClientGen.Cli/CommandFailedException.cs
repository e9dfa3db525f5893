namespace McpClientGen.Cli;

/// <summary>
/// A failure the user can fix, such as a missing environment variable or an unreadable file. Its message says what
/// is wrong and how to fix it, so it is reported as one line without a stack trace.
/// </summary>
internal sealed class CommandFailedException : Exception
{
    public CommandFailedException(string message)
        : base(message)
    {
    }

    public CommandFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
