using System.Collections.Concurrent;
using ModelContextProtocol;

namespace McpClientGen;

/// <summary>
/// The progress receivers of the tool calls in flight, by progress token. Tokens are fresh GUIDs that only the server
/// of their own call ever sees, so one registry serves every connection in the process without one server reaching
/// another's receivers; <see cref="ProgressNotificationTap"/> reports to it in wire order.
/// </summary>
internal static class ProgressListeners
{
    private static readonly ConcurrentDictionary<string, IProgress<ProgressNotificationValue>> Receivers = new(StringComparer.Ordinal);

    private static int _count;

    /// <summary>Whether any call in flight asked for progress; when none did, responses are not read for it.</summary>
    public static bool HasReceivers => Volatile.Read(ref _count) > 0;

    /// <summary>Adds a receiver under a new token; disposing the result removes it.</summary>
    public static Registration Register(IProgress<ProgressNotificationValue> progress)
    {
        var token = Guid.NewGuid().ToString("N");
        Receivers[token] = progress;
        Interlocked.Increment(ref _count);
        return new Registration(token);
    }

    /// <summary>Reports <paramref name="value"/> to the receiver of <paramref name="token"/>, if one is registered.</summary>
    public static void Report(string token, ProgressNotificationValue value)
    {
        if (Receivers.TryGetValue(token, out var progress))
        {
            progress.Report(value);
        }
    }

    /// <summary>A registered receiver's token; disposing it unregisters the receiver.</summary>
    internal sealed class Registration(string token) : IDisposable
    {
        public string Token { get; } = token;

        public void Dispose()
        {
            if (Receivers.TryRemove(Token, out _))
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }
}
