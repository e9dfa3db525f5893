using System.Text;
using ModelContextProtocol;

namespace McpClientGen.Tests;

/// <summary>
/// The event-stream tap that reports progress in wire order: bytes pass through unchanged, progress lines split across
/// reads or ended with CRLF are still reported, and other messages, other tokens and broken JSON are left alone.
/// </summary>
public sealed class ServerSentEventsTapTests
{
    [Fact]
    public async Task Progress_lines_are_reported_in_order_and_the_bytes_pass_through_unchanged()
    {
        var progress = new ListProgress();
        using var registration = ProgressListeners.Register(progress);
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
    public void A_report_is_made_before_the_read_that_completes_its_line_returns()
    {
        var progress = new ListProgress();
        using var registration = ProgressListeners.Register(progress);
        var bytes = Encoding.UTF8.GetBytes(Data(registration.Token, 3, "now") + "\n");
        using var tap = new ServerSentEventsTap(new MemoryStream(bytes));

        var read = tap.Read(new byte[bytes.Length], 0, bytes.Length);

        Assert.Equal(bytes.Length, read);
        Assert.Equal("now", Assert.Single(progress.Values).Message);
    }

    [Fact]
    public async Task An_unregistered_token_is_not_reported()
    {
        var progress = new ListProgress();
        var registration = ProgressListeners.Register(progress);
        registration.Dispose();
        using var tap = new ServerSentEventsTap(new MemoryStream(Encoding.UTF8.GetBytes(Data(registration.Token, 1, "late") + "\n")));

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

    /// <summary>A stream that returns at most <paramref name="chunk"/> bytes per read, as a network stream may.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
