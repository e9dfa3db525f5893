using ModelContextProtocol;

namespace McpClientGen;

/// <summary>
/// Thrown when an MCP server answers a tool call by asking the client for input (an MRTR <c>input_required</c> result:
/// an elicitation, a sampling or the roots) and the connection has no handler for it. A service has no user to ask, so
/// the call fails at once instead of waiting or answering on the user's behalf; register a handler on
/// <see cref="McpConnectionOptions"/> (<see cref="McpConnectionOptions.ElicitationHandler"/>,
/// <see cref="McpConnectionOptions.SamplingClient"/>, <see cref="McpConnectionOptions.Roots"/>) to answer instead.
/// </summary>
/// <remarks>
/// It derives from the SDK's <see cref="McpException"/>, the type for failures of an MCP exchange, so code that already
/// catches MCP failures sees it; it is not an <see cref="McpProtocolException"/>, because the server sent no JSON-RPC
/// error: it asked a question this client has declined to answer. The message quotes only what the server asked (the
/// kinds, and an elicitation's message, on one line, shortened, with JWT-shaped text masked), never the request's
/// credentials or the sampling prompt.
/// </remarks>
public sealed class McpInputRequiredException : McpException
{
    /// <summary>Creates the exception for input that no handler can give.</summary>
    /// <param name="toolName">The tool whose call asked; <see langword="null"/> when not known.</param>
    /// <param name="kinds">What the server asked for, at least one kind.</param>
    /// <param name="elicitationMessage">The message of the elicitation the server asked, if it asked one.</param>
    public McpInputRequiredException(string? toolName, IReadOnlyCollection<McpInputKind> kinds, string? elicitationMessage = null)
        : base(FormatMessage(toolName, kinds, elicitationMessage))
    {
        ToolName = toolName;
        Kinds = [.. kinds.Distinct().Order()];
        ElicitationMessage = elicitationMessage is null ? null : ServerText.Clean(elicitationMessage);
    }

    private McpInputRequiredException(string toolName, Exception unanswerable)
        : base($"The call of MCP tool '{toolName}' needs input the client cannot give: the server's input request is not one it can answer ({ServerText.Clean(unanswerable.Message)}).", unanswerable)
    {
        ToolName = toolName;
        Kinds = [McpInputKind.Other];
    }

    /// <summary>The tool whose call asked for input; <see langword="null"/> when not known.</summary>
    public string? ToolName { get; }

    /// <summary>What the server asked for, each kind once.</summary>
    public IReadOnlyList<McpInputKind> Kinds { get; }

    /// <summary>
    /// The message of the elicitation the server asked, if it asked one: on one line, shortened, with JWT-shaped text
    /// masked, as the exception's message quotes it.
    /// </summary>
    public string? ElicitationMessage { get; }

    /// <summary>The same exception, naming the tool whose call asked.</summary>
    internal McpInputRequiredException ForTool(string toolName) => new(toolName, Kinds, ElicitationMessage);

    /// <summary>
    /// The failure of a call whose server sent an input request the SDK cannot resolve (<paramref name="unanswerable"/>:
    /// an unknown kind, too many rounds, a round with nothing in it), as <see cref="McpInputKind.Other"/>.
    /// </summary>
    internal static McpInputRequiredException Unanswerable(string toolName, Exception unanswerable) => new(toolName, unanswerable);

    private static string FormatMessage(string? toolName, IReadOnlyCollection<McpInputKind> kinds, string? elicitationMessage)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentOutOfRangeException.ThrowIfZero(kinds.Count, nameof(kinds));
        var call = toolName is null ? "A call of an MCP tool" : $"The call of MCP tool '{toolName}'";
        var asked = string.Join(" and ", kinds.Distinct().Order().Select(Describe));
        var question = string.IsNullOrWhiteSpace(elicitationMessage) ? "" : $" The server asked: \"{ServerText.Clean(elicitationMessage)}\"";
        return $"{call} needs input the client cannot give: the server asked for {asked}, and no handler for it is registered on the connection.{question}";
    }

    private static string Describe(McpInputKind kind) => kind switch
    {
        McpInputKind.Elicitation => "an elicitation (an answer from the user)",
        McpInputKind.Sampling => "sampling (a language-model completion)",
        McpInputKind.Roots => "the client's roots",
        _ => "input of another kind",
    };
}
