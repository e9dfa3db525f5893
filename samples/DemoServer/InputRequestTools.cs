using System.ComponentModel;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

#pragma warning disable MCP9005 // Sampling and roots as legacy requests are deprecated in 2026-07-28; as MRTR input requests they are not.

namespace McpClientGen.DemoServer;

/// <summary>
/// Tools that ask the client for input in the middle of the call, through MRTR (protocol 2026-07-28): each answers its
/// first call with an <c>input_required</c> result (one input request and a <c>requestState</c>) and completes when the
/// client retries with the answer. The state names the first attempt's JSON-RPC id, so a retry that does not echo it,
/// or that reuses the id, fails the call: the tools check the client's side of the exchange. On a session without MRTR
/// (an older revision on this stateless server) they say so instead of asking.
/// </summary>
/// <param name="cancellations">Where <c>wait_after_confirmation</c> records its cancellation.</param>
[McpServerToolType]
internal sealed class InputRequestTools(ToolCancellations cancellations)
{
    private const string Answer = "answer";
    private const string StatePrefix = "first-id:";
    private const string Confirmation = "confirmation";
    private const string Places = "places";

    [McpServerTool(Name = "confirm_action", Title = "Confirm an action")]
    [Description("Asks the user to confirm the action (an elicitation) and says whether they did.")]
    public static string ConfirmAction(
        McpServer server,
        RequestContext<CallToolRequestParams> context,
        [Description("The action to confirm, e.g. 'delete the report'.")] string action)
    {
        if (RetriedAnswer(server, context, InputResponse.ElicitResultJsonTypeInfo) is not { } answer)
        {
            throw Ask(context, InputRequest.ForElicitation(new ElicitRequestParams
            {
                Message = $"Do you want to {action}?",
                RequestedSchema = new()
                {
                    Properties = { ["confirmed"] = new ElicitRequestParams.BooleanSchema { Description = "Whether to go ahead." } },
                },
            }));
        }

        var confirmed = answer.IsAccepted
            && answer.Content?.TryGetValue("confirmed", out var value) is true
            && value.ValueKind == System.Text.Json.JsonValueKind.True;
        return confirmed ? $"Confirmed: {action}" : $"Not confirmed ({answer.Action}): {action}";
    }

    [McpServerTool(Name = "wait_after_confirmation", Title = "Wait after a confirmation", ReadOnly = true, Idempotent = true)]
    [Description("Asks the user to confirm (an elicitation), then behaves like wait_until_cancelled: reports that it started and waits until the call is cancelled.")]
    public async Task<string> WaitAfterConfirmation(
        McpServer server,
        RequestContext<CallToolRequestParams> context,
        [Description("A name under which the server records the cancellation.")] string label,
        CancellationToken cancellationToken)
    {
        if (RetriedAnswer(server, context, InputResponse.ElicitResultJsonTypeInfo) is null)
        {
            throw Ask(context, InputRequest.ForElicitation(new ElicitRequestParams { Message = $"Start waiting as '{label}'?", RequestedSchema = new() }));
        }

        // The retry is the call that runs: its progress and its cancellation are the ones the client must get right.
        return await new ProgressTools(cancellations).WaitUntilCancelled(context, label, cancellationToken);
    }

    [McpServerTool(Name = "publish_report", Title = "Publish a report")]
    [Description("Asks, in one round, for the user's confirmation (an elicitation) and the client's roots, and publishes the report to the first root.")]
    public static string PublishReport(
        McpServer server,
        RequestContext<CallToolRequestParams> context,
        [Description("The report's title.")] string title)
    {
        if (RetriedResponses(server, context) is not { } responses)
        {
            throw Ask(context, new Dictionary<string, InputRequest>
            {
                [Confirmation] = InputRequest.ForElicitation(new ElicitRequestParams { Message = $"Publish '{title}'?", RequestedSchema = new() }),
                [Places] = InputRequest.ForRootsList(new ListRootsRequestParams()),
            });
        }

        var confirmation = Read(responses, Confirmation, InputResponse.ElicitResultJsonTypeInfo);
        var roots = Read(responses, Places, InputResponse.ListRootsResultJsonTypeInfo).Roots;
        return !confirmation.IsAccepted ? $"Not published ({confirmation.Action}): {title}"
            : roots.Count == 0 ? $"Nowhere to publish: {title}"
            : $"Published '{title}' to {roots[0].Uri}";
    }

    [McpServerTool(Name = "summarize_with_model", Title = "Summarize with the client's model", ReadOnly = true)]
    [Description("Asks the client's language model (sampling) to summarize the text, and returns its summary.")]
    public static string SummarizeWithModel(
        McpServer server,
        RequestContext<CallToolRequestParams> context,
        [Description("The text to summarize.")] string text)
    {
        if (RetriedAnswer(server, context, InputResponse.CreateMessageResultJsonTypeInfo) is not { } completion)
        {
            throw Ask(context, InputRequest.ForSampling(new CreateMessageRequestParams
            {
                Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = $"Summarize: {text}" }] }],
                MaxTokens = 100,
            }));
        }

        var summary = string.Concat(completion.Content.OfType<TextContentBlock>().Select(block => block.Text));
        return $"Summary by {completion.Model}: {summary}";
    }

    [McpServerTool(Name = "list_client_roots", Title = "List the client's roots", ReadOnly = true)]
    [Description("Asks the client for its roots and lists them, one per line.")]
    public static string ListClientRoots(McpServer server, RequestContext<CallToolRequestParams> context)
    {
        if (RetriedAnswer(server, context, InputResponse.ListRootsResultJsonTypeInfo) is not { } roots)
        {
            throw Ask(context, InputRequest.ForRootsList(new ListRootsRequestParams()));
        }

        return roots.Roots.Count == 0 ? "No roots." : string.Join('\n', roots.Roots.Select(root => $"{root.Name ?? "(unnamed)"}: {root.Uri}"));
    }

    [McpServerTool(Name = "ask_unknown_input", Title = "Ask for input of an unknown kind", ReadOnly = true)]
    [Description("Asks the client for input of a kind no protocol revision defines (telepathy/read), as a faulty server might: no client can answer it.")]
    public static string AskUnknownInput(RequestContext<CallToolRequestParams> context) =>
        throw Ask(context, new InputRequest { Method = "telepathy/read" });

    /// <summary>
    /// The client's answer when this call is the retry of one that asked; <see langword="null"/> on a first call. Throws
    /// when the retry breaks the protocol, and when the session cannot carry an input request at all.
    /// </summary>
    private static T? RetriedAnswer<T>(McpServer server, RequestContext<CallToolRequestParams> context, JsonTypeInfo<T> typeInfo)
        where T : class =>
        RetriedResponses(server, context) is { } responses ? Read(responses, Answer, typeInfo) : null;

    /// <summary>The input responses of a retry, checked as <see cref="RetriedAnswer"/> says; <see langword="null"/> on a first call.</summary>
    private static IDictionary<string, InputResponse>? RetriedResponses(McpServer server, RequestContext<CallToolRequestParams> context)
    {
        var parameters = context.Params!;
        if (parameters.InputResponses is not { } responses)
        {
            if (!server.IsMrtrSupported)
            {
                throw new McpException("This tool asks the client for input, which needs MCP protocol revision 2026-07-28 (or a stateful session).");
            }

            return null;
        }

        var firstId = parameters.RequestState is { } state && state.StartsWith(StatePrefix, StringComparison.Ordinal)
            ? state[StatePrefix.Length..]
            : throw new McpException($"The retry did not echo the requestState (got '{parameters.RequestState}').");
        return firstId == context.JsonRpcRequest.Id.ToString()
            ? throw new McpException($"The retry reused the JSON-RPC id {firstId} of the call it retries.")
            : responses;
    }

    private static T Read<T>(IDictionary<string, InputResponse> responses, string name, JsonTypeInfo<T> typeInfo) =>
        responses.TryGetValue(name, out var response)
            ? response.Deserialize(typeInfo) ?? throw new McpException($"The input response '{name}' is empty.")
            : throw new McpException($"The retry has no input response named '{name}'.");

    private static InputRequiredException Ask(RequestContext<CallToolRequestParams> context, InputRequest request) =>
        Ask(context, new Dictionary<string, InputRequest> { [Answer] = request });

    private static InputRequiredException Ask(RequestContext<CallToolRequestParams> context, Dictionary<string, InputRequest> requests) =>
        new(requests, StatePrefix + context.JsonRpcRequest.Id.ToString());
}
