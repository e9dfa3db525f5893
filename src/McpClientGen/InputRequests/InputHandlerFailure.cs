using System.Runtime.ExceptionServices;

namespace McpClientGen;

/// <summary>
/// Carries an exception thrown by the application's input handler through the SDK to the connection, which rethrows the
/// original (<see cref="Rethrow"/>). Its own message says nothing of the original, because on older sessions the SDK
/// may answer the server's request with it.
/// </summary>
internal sealed class InputHandlerFailure(Exception inner) : Exception("The application's input handler failed.", inner)
{
    /// <summary>Throws the application's exception, with its original stack trace.</summary>
    public void Rethrow() => ExceptionDispatchInfo.Throw(InnerException!);
}
