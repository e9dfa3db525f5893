namespace McpClientGen;

/// <summary>
/// The input requests refused during one tool call, so its <see cref="McpInputRequiredException"/> names all of them: the
/// SDK resolves a round's requests together but rethrows only the first failure. The refusing handlers run in the call's
/// flow (the SDK resolves the requests inside the <c>tools/call</c> it is sending), so the call's collection is found
/// through an <see cref="AsyncLocal{T}"/>.
/// </summary>
/// <remarks>
/// The SDK waits for every request of a round before it reports a failure, so a refusal also cancels the application's
/// handlers still answering the same call (<see cref="LinkToRefusal"/>): the call fails at once instead of after them.
/// </remarks>
internal sealed class InputRefusals : IDisposable
{
    private static readonly AsyncLocal<InputRefusals?> Current = new();

    private readonly InputRefusals? _outer;
    private readonly List<McpInputKind> _kinds = [];
    private readonly CancellationTokenSource _refused = new();
    private string? _elicitationMessage;

    private InputRefusals(InputRefusals? outer) => _outer = outer;

    /// <summary>Starts collecting the refusals of the call running in this flow, until disposed.</summary>
    public static InputRefusals Begin() => Current.Value = new InputRefusals(Current.Value);

    /// <summary>
    /// A source for an application handler's token: cancelled with <paramref name="cancellationToken"/>, and as soon as
    /// the current call refuses another request, because the call fails then whatever the handler answers.
    /// </summary>
    public static CancellationTokenSource LinkToRefusal(CancellationToken cancellationToken) =>
        Current.Value is { } call
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call._refused.Token)
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

    /// <summary>Records a refused request with the current call, if any, and returns the exception that refuses it.</summary>
    public static McpInputRequiredException Refuse(McpInputKind kind, string? elicitationMessage = null)
    {
        if (Current.Value is { } call)
        {
            lock (call._kinds)
            {
                call._kinds.Add(kind);
                call._elicitationMessage ??= elicitationMessage;
            }

            call._refused.Cancel();
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

    public void Dispose()
    {
        Current.Value = _outer;
        _refused.Dispose();
    }
}
