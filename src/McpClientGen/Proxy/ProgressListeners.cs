using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;

namespace McpClientGen;

/// <summary>
/// The progress receivers of the tool calls in flight, by progress token. Tokens are fresh GUIDs that only the server
/// of their own call ever sees, so one registry serves every connection in the process without one server reaching
/// another's receivers; <see cref="ProgressNotificationTap"/> reports to it in wire order.
/// </summary>
internal static class ProgressListeners
{
    private static readonly ConcurrentDictionary<string, Registration> Receivers = new(StringComparer.Ordinal);

    private static int _count;

    /// <summary>Whether any call in flight asked for progress; when none did, responses are not read for it.</summary>
    public static bool HasReceivers => Volatile.Read(ref _count) > 0;

    /// <summary>Adds a receiver under a new token; disposing the result removes it.</summary>
    /// <param name="progress">The caller's receiver.</param>
    /// <param name="logger">Where a receiver that throws is reported.</param>
    public static Registration Register(IProgress<ProgressNotificationValue> progress, ILogger logger)
    {
        var registration = new Registration(Guid.NewGuid().ToString("N"), progress, logger);
        Receivers[registration.Token] = registration;
        Interlocked.Increment(ref _count);
        return registration;
    }

    /// <summary>
    /// Reports <paramref name="value"/> to the receiver of <paramref name="token"/>, if one is registered. A receiver
    /// that throws is logged and hears nothing more: it runs on the thread reading the server's response, where its
    /// exception would fail that read, and with it the call and the session it shares with other calls.
    /// </summary>
    public static void Report(string token, ProgressNotificationValue value)
    {
        if (!Receivers.TryGetValue(token, out var registration))
        {
            return;
        }

        try
        {
            registration.Progress.Report(value);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            registration.Dispose();
            ConnectionLog.ProgressReceiverFailed(registration.Logger, exception.GetType().Name);
        }
    }

    /// <summary>A registered receiver and its token; disposing it unregisters the receiver.</summary>
    internal sealed class Registration(string token, IProgress<ProgressNotificationValue> progress, ILogger logger) : IDisposable
    {
        public string Token { get; } = token;

        public IProgress<ProgressNotificationValue> Progress { get; } = progress;

        public ILogger Logger { get; } = logger;

        public void Dispose()
        {
            if (Receivers.TryRemove(new KeyValuePair<string, Registration>(Token, this)))
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }
}
