namespace McpClientGen.Cli.CommandLine;

/// <summary>
/// Writes a failure as one line: the message, and the innermost cause when it adds something (such as "Connection
/// refused") and the failure is not an <see cref="McpConnectionException"/>, whose message says it all. The runtime's exceptions never carry secrets or tokens, so messages are shown as they are. The stack
/// trace follows only with <c>--verbose</c>.
/// </summary>
internal static class ErrorReport
{
    public static void Write(TextWriter stderr, Exception exception, bool verbose)
    {
        var message = OneLineText.Of(exception.Message);
        var cause = exception;
        var untrustedServer = exception is McpUntrustedAuthorizationServerException;
        while (cause.InnerException is { } inner)
        {
            cause = inner;
            untrustedServer |= cause is McpUntrustedAuthorizationServerException;
        }

        // A connection failure's message already names its cause; the HTTP stack's own text below it may hold a response body.
        var causeMessage = OneLineText.Of(cause.Message);
        if (exception is not McpConnectionException && !ReferenceEquals(cause, exception) && !message.Contains(causeMessage, StringComparison.Ordinal))
        {
            message = $"{message} ({causeMessage})";
        }

        if (untrustedServer)
        {
            // The runtime names its options; here they are flags.
            message += " On the command line: AuthorizationServer is --authorization-server, TokenEndpoint is --token-endpoint, "
                + "TrustDiscoveredAuthorizationServer is --trust-discovered-authorization-server.";
        }

        stderr.WriteLine($"error: {message}");
        if (verbose)
        {
            stderr.WriteLine(exception.ToString());
        }
        else if (exception is not CommandFailedException)
        {
            stderr.WriteLine("Run with --verbose for the runtime's log and the stack trace.");
        }
    }
}
