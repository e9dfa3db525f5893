namespace McpClientGen.Tests.Support;

/// <summary>
/// The one real-time limit of these tests: how long a test waits for something that should happen at once on
/// loopback. It is a guard against hanging the suite when the code under test is broken, never a timing assertion.
/// </summary>
internal static class Bounded
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    /// <summary>The task's result, or a <see cref="TimeoutException"/> once <see cref="Limit"/> has passed.</summary>
    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Limit);
}
