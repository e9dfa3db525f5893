using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using ModelContextProtocol;

namespace McpClientGen.Tests;

/// <summary>
/// The event-stream tap that reports progress in wire order: bytes pass through unchanged, progress events split across
/// reads, ended with CRLF or CR, or spread over several data lines are still reported, and other messages, other
/// tokens, broken JSON and oversized events are left alone.
/// </summary>
public sealed class ServerSentEventsTapTests
{
    [Fact]
    public async Task Progress_lines_are_reported_in_order_and_the_bytes_pass_through_unchanged()
    {
        var progress = new ListProgress();
        using var registration = ProgressListeners.Register(progress, NullLogger.Instance);
        var body =
            "event: message\r\n" +
            Data(registration.Token, 1, "first") + "\r\n\r\n" +
            "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{\"progressToken\":\"" + registration.Token + "\"}}\n\n" +
            Data("someone-else", 7, "not ours") + "\n\n" +
            "data: {\"method\":\"notifications/progress\", broken\n\n" +
            Data(registration.Token, 2, "second") + "\n\n" +
            "data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n\n";
        var bytes = Encoding.UTF8.GetBytes(body);

        // Three bytes per read, so every line is split across reads.
        using var tap = new ServerSentEventsTap(new TrickleStream(bytes, 3));
        using var copy = new MemoryStream();
        await tap.CopyToAsync(copy, bufferSize: 3);

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal([("first", 1f), ("second", 2f)], progress.Values.Select(value => (value.Message, value.Progress)));
    }

    [Fact]
    public void A_report_is_made_before_the_read_that_completes_its_event_returns()
    {
        var progress = new ListProgress();
        using var registration = ProgressListeners.Register(progress, NullLogger.Instance);
        var bytes = Encoding.UTF8.GetBytes(Data(registration.Token, 3, "now") + "\n\n");
        using var tap = new ServerSentEventsTap(new MemoryStream(bytes));

        var read = tap.Read(new byte[bytes.Length], 0, bytes.Length);

        Assert.Equal(bytes.Length, read);
        Assert.Equal("now", Assert.Single(progress.Values).Message);
    }

    [Fact]
    public void An_event_is_not_reported_before_the_blank_line_that_ends_it()
    {
        var progress = new ListProgress();
        using var registration = ProgressListeners.Register(progress, NullLogger.Instance);
        var bytes = Encoding.UTF8.GetBytes(Data(registration.Token, 3, "pending") + "\n");
        using var tap = new ServerSentEventsTap(new MemoryStream(bytes));

        var read = tap.Read(new byte[bytes.Length], 0, bytes.Length);

        Assert.Equal(bytes.Length, read);
        Assert.Empty(progress.Values);
    }

    [Fact]
    public async Task Data_spread_over_lines_ended_by_CR_is_joined_into_one_message()
    {
        var progress = new ListProgress();
        using var registration = ProgressListeners.Register(progress, NullLogger.Instance);
        var body =
            "data:{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\r" +
            "data: \"params\":{\"progressToken\":\"" + registration.Token + "\",\r\n" +
            "data: \"progress\":4,\"message\":\"split\"}}\r\r";
        using var tap = new ServerSentEventsTap(new TrickleStream(Encoding.UTF8.GetBytes(body), 1));

        await tap.CopyToAsync(Stream.Null, bufferSize: 1);

        var value = Assert.Single(progress.Values);
        Assert.Equal(("split", 4f, (float?)null), (value.Message, value.Progress, value.Total));
    }

    [Fact]
    public async Task An_event_too_large_to_be_progress_is_skipped_and_the_next_one_is_read()
    {
        var progress = new ListProgress();
        using var registration = ProgressListeners.Register(progress, NullLogger.Instance);
        var padding = new string('x', ServerSentEventsTap.MaxProgressEventBytes);
        var body =
            "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":\"" + registration.Token +
            "\",\"progress\":1,\"message\":\"" + padding + "\"}}\n\n" +
            Data(registration.Token, 2, "after") + "\n\n";
        var bytes = Encoding.UTF8.GetBytes(body);
        using var tap = new ServerSentEventsTap(new TrickleStream(bytes, 4096));
        using var copy = new MemoryStream();

        await tap.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal("after", Assert.Single(progress.Values).Message);
    }

    [Fact]
    public async Task A_receiver_that_throws_is_logged_and_dropped_and_the_stream_reads_on()
    {
        var logger = new FakeLogger();
        var receiver = new ThrowingProgress();
        using var registration = ProgressListeners.Register(receiver, logger);
        var bytes = Encoding.UTF8.GetBytes(
            Data(registration.Token, 1, "first") + "\n\n" + Data(registration.Token, 2, "second") + "\n\n" + "data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n\n");
        using var tap = new ServerSentEventsTap(new MemoryStream(bytes));
        using var copy = new MemoryStream();

        await tap.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(1, receiver.Calls);
        var entry = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal((LogLevel.Warning, "ProgressReceiverFailed"), (entry.Level, entry.Id.Name));
        Assert.Contains(nameof(InvalidOperationException), entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ThrowingProgress.Secret, entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unregistered_token_is_not_reported()
    {
        var progress = new ListProgress();
        var registration = ProgressListeners.Register(progress, NullLogger.Instance);
        registration.Dispose();
        using var tap = new ServerSentEventsTap(new MemoryStream(Encoding.UTF8.GetBytes(Data(registration.Token, 1, "late") + "\n\n")));

        await tap.CopyToAsync(Stream.Null);

        Assert.Empty(progress.Values);
    }

    private static string Data(string token, int progress, string message) =>
        "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":\"" + token +
        "\",\"progress\":" + progress + ",\"total\":5,\"message\":\"" + message + "\"}}";

    private sealed class ListProgress : IProgress<ProgressNotificationValue>
    {
        public List<ProgressNotificationValue> Values { get; } = [];

        public void Report(ProgressNotificationValue value) => Values.Add(value);
    }

    private sealed class ThrowingProgress : IProgress<ProgressNotificationValue>
    {
        public const string Secret = "receiver-internal-detail";

        public int Calls { get; private set; }

        public void Report(ProgressNotificationValue value)
        {
            Calls++;
            throw new InvalidOperationException(Secret);
        }
    }

    /// <summary>A stream that returns at most <paramref name="chunk"/> bytes per read, as a network stream may.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
