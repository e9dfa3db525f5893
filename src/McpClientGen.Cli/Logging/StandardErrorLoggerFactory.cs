using Microsoft.Extensions.Logging;

namespace McpClientGen.Cli.Logging;

/// <summary>
/// The log of <c>--verbose</c>: McpClientGen's own messages (discovery, token requests) from Debug up, the MCP SDK's from
/// Information up, one line each on standard error. The runtime never logs secrets, assertions or tokens.
/// </summary>
internal sealed class StandardErrorLoggerFactory(TextWriter stderr) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName)
    {
        var minimum = categoryName.StartsWith("McpClientGen", StringComparison.Ordinal) ? LogLevel.Debug : LogLevel.Information;
        return new StandardErrorLogger(stderr, categoryName, minimum);
    }

    /// <summary>Only this factory's own output is wanted; there is nothing to add providers to.</summary>
    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class StandardErrorLogger(TextWriter stderr, string category, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var cause = exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})";
            stderr.WriteLine($"[{logLevel}] {category}: {formatter(state, exception)}{cause}");
        }
    }
}
