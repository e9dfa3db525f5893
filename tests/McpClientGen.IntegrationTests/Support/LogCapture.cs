using Microsoft.Extensions.Logging;

namespace McpClientGen.IntegrationTests.Support;

/// <summary>
/// Keeps every log entry of every category at every level (Trace included): the formatted message, the exception,
/// each structured value on its own (a structured sink would store them even when the message leaves them out) and
/// every scope. Plug it in with <see cref="CreateFactory"/> or <c>AddProvider</c>.
/// </summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly object _gate = new();
    private readonly List<CapturedLog> _entries = [];
    private readonly ChangeSignal _logged = new();

    /// <summary>Everything logged so far, in order.</summary>
    public IReadOnlyList<CapturedLog> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The categories that logged anything, sorted.</summary>
    public IReadOnlyList<string> Categories => [.. Entries.Select(entry => entry.Category).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Every entry's text, named by its position, category and level, for <see cref="Testing.SecretForms.FindIn"/>.</summary>
    public IEnumerable<(string Where, string Text)> Texts =>
        Entries.Select((entry, index) => ($"log entry {index} ({entry.Category}, {entry.Level}, event {entry.EventId.Id})", entry.Text));

    /// <summary>A factory that sends everything, from Trace up, here only.</summary>
    public ILoggerFactory CreateFactory() => LoggerFactory.Create(logging => logging.AddProvider(this).SetMinimumLevel(LogLevel.Trace));

    /// <summary>Completes once <paramref name="count"/> entries match.</summary>
    public Task WaitForAsync(Func<CapturedLog, bool> match, int count = 1) =>
        _logged.WaitUntilAsync(
            () => Entries.Count(match) >= count,
            () => $"The log has {Entries.Count(match)} matching entries, not the {count} the test waited for.");

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(CapturedLog entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }

        _logged.Pulse();
    }

    private static string Describe(object? state) =>
        state is IEnumerable<KeyValuePair<string, object?>> values
            ? string.Join(" | ", values.Select(value => $"{value.Key}={Flatten(value.Value)}").Prepend(state.ToString()))
            : state?.ToString() ?? "";

    /// <summary>A value as a structured sink would store it: a collection (such as a header's values) item by item.</summary>
    private static string? Flatten(object? value) =>
        value is System.Collections.IEnumerable items and not string
            ? string.Join(", ", items.Cast<object?>())
            : value?.ToString();

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            capture.Add(new CapturedLog(category, LogLevel.None, default, "scope: " + Describe(state)));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Add(new CapturedLog(category, logLevel, eventId, $"{formatter(state, exception)}\n{Describe(state)}\n{exception}"));
    }
}

/// <summary>One log entry (or scope, with <see cref="LogLevel.None"/>) and all of its text.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Text);
