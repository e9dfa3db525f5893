using System.Text.Json;
using ModelContextProtocol;

namespace McpClientGen;

/// <summary>
/// A read-only stream over a server-sent-events body that passes every byte on unchanged and, for each complete
/// <c>data:</c> line holding a JSON-RPC <c>notifications/progress</c>, reports it to <see cref="ProgressListeners"/>
/// before returning the bytes that completed the line. MCP servers write each message as one <c>data:</c> line.
/// </summary>
internal sealed class ServerSentEventsTap(Stream inner) : Stream
{
    private static readonly byte[] DataPrefix = "data:"u8.ToArray();
    private static readonly byte[] ProgressMethod = "notifications/progress"u8.ToArray();

    private readonly List<byte> _line = [];

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
        foreach (var b in read)
        {
            if (b != (byte)'\n')
            {
                _line.Add(b);
                continue;
            }

            InspectLine(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_line).TrimEnd((byte)'\r'));
            _line.Clear();
        }

        return read.Length;
    }

    private static void InspectLine(ReadOnlySpan<byte> line)
    {
        if (!line.StartsWith(DataPrefix) || line.IndexOf(ProgressMethod) < 0)
        {
            return;
        }

        try
        {
            using var message = JsonDocument.Parse(line[DataPrefix.Length..].ToArray());
            if (message.RootElement.ValueKind == JsonValueKind.Object
                && message.RootElement.TryGetProperty("method", out var method) && method.ValueEquals("notifications/progress")
                && message.RootElement.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Object
                && parameters.TryGetProperty("progressToken", out var token) && token.ValueKind == JsonValueKind.String
                && parameters.TryGetProperty("progress", out var progress) && progress.TryGetSingle(out var value))
            {
                ProgressListeners.Report(token.GetString()!, new ProgressNotificationValue
                {
                    Progress = value,
                    Total = parameters.TryGetProperty("total", out var total) && total.TryGetSingle(out var totalValue) ? totalValue : null,
                    Message = parameters.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null,
                });
            }
        }
        catch (JsonException)
        {
            // Not ours to judge: the SDK reads the same line and reports what is wrong with it.
        }
    }
}
