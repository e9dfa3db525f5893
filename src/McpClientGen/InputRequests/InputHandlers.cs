using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpClientGen;

/// <summary>
/// The application's answers to the input a server may ask for in the middle of a tool call (elicitation, sampling,
/// roots), as the SDK's client handlers. The SDK resolves an MRTR <c>input_required</c> result with them and retries the
/// call itself (echoing <c>requestState</c>, under a new JSON-RPC id), on every request it sends, the runtime's
/// <c>tools/call</c> included; on older sessions the same handlers answer the server's own <c>elicitation/create</c>,
/// <c>sampling/createMessage</c> and <c>roots/list</c> requests.
/// </summary>
/// <remarks>
/// Registering a handler with the SDK also declares its capability, in <c>initialize</c> and in every 2026-07-28
/// request's <c>_meta</c>: it invites the server to ask. So only the kinds the application answers are registered
/// before the session opens; the others get a handler that throws <see cref="McpInputRequiredException"/> once it is
/// open (<see cref="RefuseUnanswered"/>). The SDK 2.4 reads its handlers when it resolves an input request, but declares
/// capabilities and registers request handlers only when the session is created, so those late handlers declare nothing
/// and answer no legacy request: they only turn an input request the server sends anyway into the typed failure, with
/// what was asked, instead of the SDK's <see cref="InvalidOperationException"/> without it.
/// </remarks>
internal sealed class InputHandlers
{
    public static readonly InputHandlers None = new(null, null, null);

    private readonly Func<ElicitRequestParams, CancellationToken, ValueTask<ElicitResult>>? _elicitation;
    private readonly IChatClient? _sampling;
    private readonly Func<CancellationToken, ValueTask<IReadOnlyList<McpRoot>>>? _roots;

    private InputHandlers(
        Func<ElicitRequestParams, CancellationToken, ValueTask<ElicitResult>>? elicitation, IChatClient? sampling, Func<CancellationToken, ValueTask<IReadOnlyList<McpRoot>>>? roots)
    {
        _elicitation = elicitation;
        _sampling = sampling;
        _roots = roots;
    }

    /// <summary>The handlers <paramref name="options"/> configure; a fixed roots list is answered as it is.</summary>
    public static InputHandlers From(McpConnectionOptions options)
    {
        var roots = options.RootsProvider ?? (options.Roots is { } fixedRoots ? _ => ValueTask.FromResult<IReadOnlyList<McpRoot>>([.. fixedRoots]) : null);
        return options.ElicitationHandler is null && options.SamplingClient is null && roots is null
            ? None
            : new InputHandlers(options.ElicitationHandler, options.SamplingClient, roots);
    }

    /// <summary>SDK handlers for exactly the kinds the application answers (registering one declares its capability).</summary>
    /// <param name="logger">Where a handler's failure is logged (see <see cref="AnswerAsync"/>).</param>
    public McpClientHandlers CreateSdkHandlers(ILogger logger)
    {
        var handlers = new McpClientHandlers();
        if (_elicitation is { } elicitation)
        {
            handlers.ElicitationHandler = (request, token) => AnswerAsync(McpInputKind.Elicitation, elicitation, Required(request), logger, token);
        }

#pragma warning disable MCP9005 // The legacy sampling and roots requests are deprecated in 2026-07-28; their MRTR input requests are not, and the SDK resolves both with these handlers.
        if (_sampling is { } sampling)
        {
            var complete = sampling.CreateSamplingHandler();
            handlers.SamplingHandler = (request, progress, token) => AnswerAsync(
                McpInputKind.Sampling, static (call, token) => call.complete(call.request, call.progress, token), (complete, request, progress), logger, token);
        }

        if (_roots is { } roots)
        {
            handlers.RootsHandler = (_, token) => AnswerAsync(
                McpInputKind.Roots,
                static async (list, token) => new ListRootsResult { Roots = [.. (await list(token).ConfigureAwait(false)).Select(ToProtocol)] },
                roots,
                logger,
                token);
        }
#pragma warning restore MCP9005

        return handlers;
    }

    /// <summary>
    /// Once the session is open, gives each kind the application does not answer a handler that fails the call with
    /// <see cref="McpInputRequiredException"/>; it declares nothing (see the remarks on the class).
    /// </summary>
    public static void RefuseUnanswered(McpClientHandlers handlers)
    {
        handlers.ElicitationHandler ??= static (request, _) => throw InputRefusals.Refuse(McpInputKind.Elicitation, request?.Message);
#pragma warning disable MCP9005 // See CreateSdkHandlers.
        handlers.SamplingHandler ??= static (_, _, _) => throw InputRefusals.Refuse(McpInputKind.Sampling);
        handlers.RootsHandler ??= static (_, _) => throw InputRefusals.Refuse(McpInputKind.Roots);
#pragma warning restore MCP9005
    }

#pragma warning disable MCP9005 // See CreateSdkHandlers.
    private static Root ToProtocol(McpRoot root) => new() { Uri = root.Uri, Name = root.Name };
#pragma warning restore MCP9005

    private static T Required<T>(T? request)
        where T : class =>
        request ?? throw new McpException("The server's input request has no parameters.");

    /// <summary>
    /// Runs an application handler. Its token is also cancelled when the call refuses another request of the same round
    /// (<see cref="InputRefusals.LinkToRefusal"/>): the SDK reports a round's failure only once every request has ended, and
    /// that cancellation passes through as it is, so the SDK reports the refusal. What the handler throws otherwise is
    /// logged (the type only) and wrapped in <see cref="InputHandlerFailure"/>, so the connection can tell it from a
    /// transport failure (an <see cref="HttpRequestException"/> from a chat client says nothing about the MCP server) and
    /// rethrow it to the caller as it was; on an older session the SDK answers the server's request instead, and the log is
    /// all that is left of it.
    /// </summary>
    private static async ValueTask<TResult> AnswerAsync<TState, TResult>(
        McpInputKind kind, Func<TState, CancellationToken, ValueTask<TResult>> answer, TState state, ILogger logger, CancellationToken cancellationToken)
    {
        using var handlerToken = InputRefusals.LinkToRefusal(cancellationToken);
        try
        {
            return await answer(state, handlerToken.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !handlerToken.IsCancellationRequested)
        {
            ConnectionLog.InputHandlerFailed(logger, kind, exception.GetType().FullName!);
            throw new InputHandlerFailure(exception);
        }
    }
}
