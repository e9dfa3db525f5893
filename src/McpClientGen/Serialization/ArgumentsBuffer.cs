using System.Buffers;
using System.Text.Json;

namespace McpClientGen.Serialization;

/// <summary>
/// A <see cref="Utf8JsonWriter"/> and the buffer it writes to, kept for the next <see cref="ToolArguments"/> on the same
/// thread: the arguments are parsed into memory of their own once written, so the buffer is free again before the call
/// is even sent, and a typed call allocates neither.
/// </summary>
internal sealed class ArgumentsBuffer
{
    // Arguments larger than this (a document, an image) leave their buffer to the GC instead of pinning it to a thread.
    private const int LargestKept = 16 * 1024;

    [ThreadStatic]
    private static ArgumentsBuffer? _threadsBuffer;

    private readonly ArrayBufferWriter<byte> _bytes = new();

    private ArgumentsBuffer() => Writer = new Utf8JsonWriter(_bytes);

    public Utf8JsonWriter Writer { get; }

    public ReadOnlySpan<byte> Written => _bytes.WrittenSpan;

    /// <summary>The thread's kept buffer, emptied, or a new one when it has none (or lent it to arguments still being written).</summary>
    public static ArgumentsBuffer Rent()
    {
        var buffer = _threadsBuffer;
        if (buffer is null)
        {
            return new ArgumentsBuffer();
        }

        _threadsBuffer = null;
        return buffer;
    }

    /// <summary>Keeps <paramref name="buffer"/> for the thread's next arguments, emptied.</summary>
    public static void Return(ArgumentsBuffer buffer)
    {
        if (buffer._bytes.Capacity > LargestKept)
        {
            return;
        }

        buffer._bytes.ResetWrittenCount();
        buffer.Writer.Reset(buffer._bytes);
        _threadsBuffer = buffer;
    }
}
