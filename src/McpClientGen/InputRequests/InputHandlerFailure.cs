using System.Runtime.ExceptionServices;

namespace McpClientGen;

/// <summary>
/// Carries an exception thrown by the application's input handler through the SDK to the connection, which rethrows the
/// original (<see cref="Rethrow"/>). On an older session the SDK answers the server's request in its place, and it
/// forwards only an <see cref="ModelContextProtocol.McpException"/>'s message: this is none, so the server is told only
/// "An error occurred." and nothing the application's exception says reaches it.
/// </summary>
internal sealed class InputHandlerFailure(Exception inner) : Exception("The application's input handler failed.", inner)
{
    /// <summary>Throws the application's exception, with its original stack trace.</summary>
    public void Rethrow() => ExceptionDispatchInfo.Throw(InnerException!);
}
