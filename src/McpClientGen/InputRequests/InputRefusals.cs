namespace McpClientGen;

/// <summary>
/// The input requests refused during one tool call, so its <see cref="McpInputRequiredException"/> names all of them: the
/// SDK resolves a round's requests together but rethrows only the first failure. The refusing handlers run in the call's
/// flow (the SDK resolves the requests inside the <c>tools/call</c> it is sending), so the call's collection is found
/// through an <see cref="AsyncLocal{T}"/>. It is set inside the call's own async method, whose end gives the caller back
/// its own context, so nothing has to be undone: a call made from a handler of another call sees only its own refusals.
/// </summary>
/// <remarks>
/// The SDK waits for every request of a round before it reports a failure, so a refusal also cancels the application's
/// handlers still answering the same call (<see cref="LinkToRefusal"/>): the call fails at once instead of after them.
/// </remarks>
internal sealed class InputRefusals : IDisposable
{
    private static readonly AsyncLocal<InputRefusals?> Current = new();

    private readonly List<McpInputKind> _kinds = [];

    // Made by the first handler that needs it: almost every call ends without an input request.
    private CancellationTokenSource? _refused;
    private string? _elicitationMessage;

    private InputRefusals()
    {
    }

    /// <summary>Starts collecting the refusals of the call running in this flow; call it from the call's async method.</summary>
    public static InputRefusals Begin() => Current.Value = new InputRefusals();

    /// <summary>
    /// A source for an application handler's token: cancelled with <paramref name="cancellationToken"/>, and as soon as
    /// the current call refuses another request, because the call fails then whatever the handler answers.
    /// </summary>
    public static CancellationTokenSource LinkToRefusal(CancellationToken cancellationToken) =>
        Current.Value is { } call
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.RefusedToken())
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

    /// <summary>Records a refused request with the current call, if any, and returns the exception that refuses it.</summary>
    public static McpInputRequiredException Refuse(McpInputKind kind, string? elicitationMessage = null)
    {
        if (Current.Value is { } call)
        {
            CancellationTokenSource? refused;
            lock (call._kinds)
            {
                call._kinds.Add(kind);
                call._elicitationMessage ??= elicitationMessage;
                refused = call._refused;
            }

            refused?.Cancel();
        }

        return new McpInputRequiredException(null, [kind], elicitationMessage);
    }

    /// <summary>The call's failure: every kind refused in it, naming the tool.</summary>
    public McpInputRequiredException ForTool(string toolName, McpInputRequiredException first)
    {
        lock (_kinds)
        {
            return _kinds.Count == 0
                ? first.ForTool(toolName)
                : new McpInputRequiredException(toolName, _kinds, _elicitationMessage ?? first.ElicitationMessage);
        }
    }

    public void Dispose() => _refused?.Dispose();

    /// <summary>Cancelled when the call refuses a request; already cancelled when it has refused one.</summary>
    private CancellationToken RefusedToken()
    {
        lock (_kinds)
        {
            if (_refused is null)
            {
                _refused = new CancellationTokenSource();
                if (_kinds.Count > 0)
                {
                    _refused.Cancel();
                }
            }

            return _refused.Token;
        }
    }
}
