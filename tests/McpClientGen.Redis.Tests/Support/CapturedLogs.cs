using McpClientGen.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace McpClientGen.Redis.Tests.Support;

/// <summary>A logger factory whose every record the test can count and scan for secrets.</summary>
internal sealed class CapturedLogs : IDisposable
{
    private readonly FakeLogCollector _records = new();

    public CapturedLogs() => Factory = LoggerFactory.Create(logging => logging.AddProvider(new FakeLoggerProvider(_records)));

    public ILoggerFactory Factory { get; }

    public IReadOnlyList<FakeLogRecord> Records => _records.GetSnapshot();

    /// <summary>How many records have the event id <paramref name="eventId"/>.</summary>
    public int Count(int eventId) => Records.Count(record => record.Id.Id == eventId);

    /// <summary>What the records show of <paramref name="secrets"/>; empty when nothing leaked.</summary>
    public IReadOnlyList<string> Leaks(SecretForms secrets) =>
        secrets.FindIn(Records.Select(record => ($"log event {record.Id}", record.Message + record.Exception)));

    public void Dispose() => Factory.Dispose();
}
