using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace McpClientGen;

/// <summary>
/// The session's logging for a <see cref="StdioClientTransport"/>, with the transport's own category kept to warnings and
/// above: the SDK logs every standard error line there at Information, and <see cref="StdioServerLog"/> already logs each
/// one in its own category. It does not own the factory it wraps.
/// </summary>
internal sealed class StandardErrorOnceLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private static readonly string TransportCategory = typeof(StdioClientTransport).FullName!;

    public ILogger CreateLogger(string categoryName) =>
        categoryName == TransportCategory ? new WarningsOnly(inner.CreateLogger(categoryName)) : inner.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
    }

    private sealed class WarningsOnly(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
