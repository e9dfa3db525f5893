namespace McpClientGen.Testing;

/// <summary>
/// Keeps the tests that count real seconds under load (the soak test, the fleet tests) from running at the same time
/// in different test processes: <c>dotnet test</c> runs the test projects side by side on the same cores, and one such
/// test starving the other would fail it for a reason that is not its own. The lock is an exclusively opened file
/// (on Linux and macOS .NET takes an advisory <c>flock</c> for <see cref="FileShare.None"/>), released with the process.
/// </summary>
public static class RealTimeTestLock
{
    private static readonly string LockFile = Path.Combine(Path.GetTempPath(), "mcpclientgen-real-time-tests.lock");

    /// <summary>How long to wait for another process's tests before giving up: far more than they take.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    /// <summary>Waits until no other test process holds the lock, then holds it until the result is disposed.</summary>
    public static async Task<IDisposable> AcquireAsync()
    {
        var giveUpAt = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < giveUpAt)
            {
                // Held by another test process: look again shortly (this orders tests; it measures nothing).
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }
}
