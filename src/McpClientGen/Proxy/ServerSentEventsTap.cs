using System.Runtime.InteropServices;
using System.Text.Json;

namespace McpClientGen;

/// <summary>
/// A read-only stream over a server-sent-events body that passes every byte on unchanged and, for each complete event
/// whose data is a JSON-RPC <c>notifications/progress</c>, reports it to <see cref="ProgressListeners"/> before
/// returning the bytes that completed the event. Lines may end in LF, CR or CRLF, and an event's data may span several
/// <c>data:</c> lines (joined with LF), as the event-stream format allows.
/// </summary>
internal sealed class ServerSentEventsTap(Stream inner) : Stream
{
    /// <summary>
    /// Progress notifications are a few hundred bytes; an event larger than this (a tool's result, say) is not read
    /// further, so a large response is never held twice in memory.
    /// </summary>
    internal const int MaxProgressEventBytes = 64 * 1024;

    private static readonly byte[] DataField = "data:"u8.ToArray();
    private static readonly byte[] ProgressMethod = "notifications/progress"u8.ToArray();

    private readonly List<byte> _line = [];
    private readonly List<byte> _data = [];
    private bool _lineStarted;
    private bool _afterCarriageReturn;
    private bool _eventTooLarge;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Scan(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Scan(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Scan(ReadOnlySpan<byte> read)
    {
        var rest = read;
        while (!rest.IsEmpty)
        {
            // The LF of a CRLF that was split across reads ends nothing.
            if (_afterCarriageReturn && rest[0] == (byte)'\n')
            {
                rest = rest[1..];
            }

            _afterCarriageReturn = false;
            var end = rest.IndexOfAny((byte)'\r', (byte)'\n');
            Append(end < 0 ? rest : rest[..end]);
            if (end < 0)
            {
                break;
            }

            _afterCarriageReturn = rest[end] == (byte)'\r';
            EndLine();
            rest = rest[(end + 1)..];
        }

        return read.Length;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        _lineStarted |= !bytes.IsEmpty;
        if (_eventTooLarge)
        {
            return;
        }

        if (_line.Count + _data.Count + bytes.Length > MaxProgressEventBytes)
        {
            _eventTooLarge = true;
            _line.Clear();
            _data.Clear();
            return;
        }

        _line.AddRange(bytes);
    }

    private void EndLine()
    {
        if (!_lineStarted)
        {
            // A blank line dispatches the event.
            if (!_eventTooLarge && _data.Count > 0)
            {
                InspectEvent(CollectionsMarshal.AsSpan(_data));
            }

            _data.Clear();
            _eventTooLarge = false;
            return;
        }

        var line = CollectionsMarshal.AsSpan(_line);
        if (!_eventTooLarge && line.StartsWith(DataField))
        {
            var value = line[DataField.Length..];
            if (!value.IsEmpty && value[0] == (byte)' ')
            {
                value = value[1..];
            }

            if (_data.Count > 0)
            {
                _data.Add((byte)'\n');
            }

            _data.AddRange(value);
        }

        _line.Clear();
        _lineStarted = false;
    }

    private static void InspectEvent(ReadOnlySpan<byte> data)
    {
        if (data.IndexOf(ProgressMethod) < 0)
        {
            return;
        }

        try
        {
            using var message = JsonDocument.Parse(data.ToArray());
            if (message.RootElement.ValueKind == JsonValueKind.Object
                && message.RootElement.TryGetProperty("method", out var method) && method.ValueEquals("notifications/progress")
                && message.RootElement.TryGetProperty("params", out var parameters))
            {
                ProgressNotificationReader.Report(parameters);
            }
        }
        catch (JsonException)
        {
            // Not ours to judge: the SDK reads the same event and reports what is wrong with it.
        }
    }
}
