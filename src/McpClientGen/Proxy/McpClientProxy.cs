using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using McpClientGen.Serialization;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpClientGen;

/// <summary>
/// Base class of every generated client. It holds the <see cref="McpConnection"/> and offers the one call
/// path the generated methods use: send arguments, fail on <c>isError</c>, read the typed result.
/// </summary>
public abstract class McpClientProxy : IAsyncDisposable
{
    private readonly bool _ownsConnection;

    /// <summary>Creates the proxy over a connection.</summary>
    /// <param name="connection">The authenticated connection the calls go through.</param>
    /// <param name="ownsConnection">Whether disposing the proxy disposes the connection.</param>
    /// <param name="knownTools">The tools the proxy calls, registered with the connection (see <see cref="McpConnection.AddKnownTools"/>).</param>
    protected McpClientProxy(McpConnection connection, bool ownsConnection, IEnumerable<Tool>? knownTools = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        _ownsConnection = ownsConnection;
        if (knownTools is not null)
        {
            connection.AddKnownTools(knownTools);
        }
    }

    /// <summary>The connection the calls go through.</summary>
    public McpConnection Connection { get; }

    /// <summary>Disposes the connection when this proxy created it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsConnection)
        {
            await Connection.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Creates a client-credentials connection for a generated client; <paramref name="defaultScopes"/> (from
    /// <see cref="ClientCredentialsAttribute"/>) apply when the options name no scopes.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static McpConnection CreateConnection(
        McpConnectionOptions options,
        string? defaultScopes,
        TimeProvider? timeProvider,
        Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        return McpConnection.Create(options.WithDefaultScopes(defaultScopes), timeProvider, loggerFactory);
    }

    /// <summary>
    /// A tool as a snapshot describes it, for <see cref="McpConnection.AddKnownTools"/>. Only schemas with
    /// <c>x-mcp-header</c> annotations are passed; a schema that is not JSON or that the SDK rejects is replaced by an
    /// empty object schema, which still tells the SDK the tool exists, and the connection logs why.
    /// </summary>
    /// <param name="name">The tool's wire name.</param>
    /// <param name="inputSchemaJson">The tool's input schema, or <see langword="null"/> when it sets no headers.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static Tool SnapshotTool(string name, string? inputSchemaJson = null) => SnapshotTools.Create(name, inputSchemaJson);

    /// <summary>Gets a prompt with its arguments filled in; the arguments given as <see langword="null"/> are not sent.</summary>
    /// <remarks>
    /// Named without the <c>Async</c> suffix every generated method has, so no tool, prompt or resource method can clash with it.
    /// The span <c>mcp.prompt.get &lt;name&gt;</c> is recorded like the tool calls' <c>mcp.tool.call &lt;name&gt;</c>.
    /// </remarks>
    /// <param name="promptName">The prompt's wire name.</param>
    /// <param name="arguments">The arguments by wire name, in the order the method declares them.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Task<GetPromptResult> GetPromptCore(string promptName, IEnumerable<KeyValuePair<string, string?>> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        // Prompt arguments are strings on the wire; the writer keeps this reflection-free like the tool arguments.
        var sent = new ToolArguments();
        foreach (var (name, value) in arguments)
        {
            if (value is not null)
            {
                sent.Writer.WriteString(name, value);
            }
        }

        var request = new GetPromptRequestParams { Name = promptName, Arguments = sent.Build() };
        return InSpanAsync("mcp.prompt.get", "mcp.prompt.name", promptName, "mcp.prompt.outcome", () => Connection.GetPromptAsync(request, cancellationToken));
    }

    /// <summary>Reads the resource at a fixed URI (<c>resources/read</c>).</summary>
    /// <remarks>The span <c>mcp.resource.read &lt;uri&gt;</c> is recorded with the tags <c>mcp.resource.uri</c> and <c>mcp.resource.outcome</c>.</remarks>
    /// <param name="uri">The resource's URI, as the server lists it.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Task<ReadResourceResult> ReadResourceCore(string uri, CancellationToken cancellationToken) =>
        ReadResourceAsync(uri, uri, cancellationToken);

    /// <summary>Reads the resource a URI template names once its variables are expanded (RFC 6570 levels 1 to 3).</summary>
    /// <remarks>
    /// A variable given as <see langword="null"/> is undefined and left out of the URI as RFC 6570 says. The span
    /// <c>mcp.resource.read &lt;template&gt;</c> names the template, never the expanded URI: the values may be
    /// personal data, and one name per template keeps the spans' names few.
    /// </remarks>
    /// <param name="uriTemplate">The resource template's URI template.</param>
    /// <param name="variables">The value of every variable of the template, by name; <see langword="null"/> for an undefined one.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ArgumentException">The template cannot be expanded, or a variable is not given.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Task<ReadResourceResult> ReadResourceTemplateCore(string uriTemplate, IEnumerable<KeyValuePair<string, string?>> variables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var uri = Resources.UriTemplate.Expand(uriTemplate, new Dictionary<string, string?>(variables, StringComparer.Ordinal));
        return ReadResourceAsync(uri, uriTemplate, cancellationToken);
    }

    private Task<ReadResourceResult> ReadResourceAsync(string uri, string spanName, CancellationToken cancellationToken) =>
        InSpanAsync("mcp.resource.read", "mcp.resource.uri", spanName, "mcp.resource.outcome", () => Connection.ReadResourceAsync(new ReadResourceRequestParams { Uri = uri }, cancellationToken));

    /// <summary>
    /// Sends a request inside its span <c>&lt;operation&gt; &lt;name&gt;</c>, tagged with <paramref name="name"/> and
    /// with its outcome: <c>ok</c>, or <c>failed</c> with an error status.
    /// </summary>
    private static async Task<T> InSpanAsync<T>(string operation, string nameTag, string name, string outcomeTag, Func<Task<T>> send)
    {
        using var activity = McpClientGenTelemetry.StartRequestSpan(operation, nameTag, name);
        try
        {
            var result = await send().ConfigureAwait(false);
            activity?.SetTag(outcomeTag, "ok");
            return result;
        }
        catch (Exception exception) when (activity is not null)
        {
            McpClientGenTelemetry.MarkFailed(activity, outcomeTag, exception);
            throw;
        }
    }

    /// <summary>Calls a tool and throws <see cref="McpToolException"/> when it reports <c>isError</c>.</summary>
    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="arguments">The serialized arguments.</param>
    /// <param name="progress">Receives the tool's progress notifications; <see langword="null"/> asks for none.</param>
    /// <param name="cancellationToken">Cancels the call; the server is sent <c>notifications/cancelled</c>.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal Task<CallToolResult> CallToolAsync(string toolName, ToolArguments arguments, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken) =>
        SendAsync(toolName, arguments, (object?)null, readWhole: true, static (response, _, _) => response.Result, progress, cancellationToken);

    /// <summary>
    /// Calls a tool and reads its typed result from <c>structuredContent</c>, or, for servers that only send
    /// text, from a JSON object in the text content (the first text block, or all text blocks joined).
    /// </summary>
    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="arguments">The serialized arguments.</param>
    /// <param name="read">Reads the result object: given the element, a name for it in messages, and the tool name.</param>
    /// <param name="progress">Receives the tool's progress notifications; <see langword="null"/> asks for none.</param>
    /// <param name="cancellationToken">Cancels the call; the server is sent <c>notifications/cancelled</c>.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Task<T> CallToolAsync<T>(string toolName, ToolArguments arguments, Func<JsonElement, string, string, T> read, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        return SendAsync(toolName, arguments, read, readWhole: false, static (response, tool, read) => ReadStructuredResult(response, tool, read), progress, cancellationToken);
    }

    /// <summary>
    /// Calls a tool and reads its result as a type the user declared, through their System.Text.Json source-generated
    /// context: from <c>structuredContent</c>, else from JSON in the text content (the first text block, or all text
    /// blocks joined). Arrays and scalars are read as well as objects.
    /// </summary>
    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="arguments">The serialized arguments.</param>
    /// <param name="jsonContext">The context named by <see cref="McpClientAttribute.JsonContext"/>.</param>
    /// <param name="progress">Receives the tool's progress notifications; <see langword="null"/> asks for none.</param>
    /// <param name="cancellationToken">Cancels the call; the server is sent <c>notifications/cancelled</c>.</param>
    /// <exception cref="McpToolResultException">The result carries no JSON, or the JSON does not fit <typeparamref name="T"/>.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Task<T> CallToolAsync<T>(string toolName, ToolArguments arguments, JsonSerializerContext jsonContext, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jsonContext);
        return SendAsync(toolName, arguments, jsonContext, readWhole: true, static (response, tool, context) => DeclaredResultReader.Read<T>(response.Result, tool, context), progress, cancellationToken);
    }

    /// <summary>Calls a tool and returns its JSON: <c>structuredContent</c>, else the parsed text content.</summary>
    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="arguments">The serialized arguments.</param>
    /// <param name="progress">Receives the tool's progress notifications; <see langword="null"/> asks for none.</param>
    /// <param name="cancellationToken">Cancels the call; the server is sent <c>notifications/cancelled</c>.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Task<JsonElement> CallToolForJsonAsync(string toolName, ToolArguments arguments, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken) =>
        SendAsync(toolName, arguments, (object?)null, readWhole: true, static (response, tool, _) => DeclaredResultReader.ReadJson(response.Result, tool), progress, cancellationToken);

    /// <summary>Calls a tool and returns its text content, the text blocks joined with <c>\n</c>.</summary>
    /// <param name="toolName">The tool's wire name.</param>
    /// <param name="arguments">The serialized arguments.</param>
    /// <param name="progress">Receives the tool's progress notifications; <see langword="null"/> asks for none.</param>
    /// <param name="cancellationToken">Cancels the call; the server is sent <c>notifications/cancelled</c>.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Task<string> CallToolForTextAsync(string toolName, ToolArguments arguments, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken) =>
        SendAsync(toolName, arguments, (object?)null, readWhole: true, static (response, tool, _) => DeclaredResultReader.ReadText(response.Result, tool), progress, cancellationToken);

    /// <summary>
    /// The one call path: sends the arguments inside the span <c>mcp.tool.call &lt;name&gt;</c>, fails on <c>isError</c>,
    /// then reads the result with <paramref name="read"/>. One async method for every result shape, so a typed call
    /// costs one state machine here, as the SDK's own call does; reading happens after the span ends, as its outcome is
    /// the call's.
    /// </summary>
    private async Task<T> SendAsync<TState, T>(
        string toolName,
        ToolArguments arguments,
        TState state,
        bool readWhole,
        Func<ToolResponse, string, TState, T> read,
        IProgress<ProgressNotificationValue>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var activity = McpClientGenTelemetry.StartRequestSpan("mcp.tool.call", "mcp.tool.name", toolName);
        ToolResponse response;
        try
        {
            Func<JsonNode, ToolResponse> receive = readWhole ? ToolResponse.Whole : ToolResponse.StructuredFirst;
            response = await Connection.CallToolAsync(toolName, arguments.BuildToolCall(toolName), receive, progress, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("mcp.tool.outcome", response.IsError ? "tool_error" : "ok");
        }
        catch (Exception exception) when (activity is not null)
        {
            McpClientGenTelemetry.MarkFailed(activity, "mcp.tool.outcome", exception);
            throw;
        }
        finally
        {
            activity?.Dispose();
        }

        return response.IsError ? throw new McpToolException(toolName, response.Result) : read(response, toolName, state);
    }

    /// <summary>The typed result: the structured object, else a JSON object in the text content. Internal for the benchmarks.</summary>
    internal static T ReadStructuredResult<T>(ToolResponse response, string toolName, Func<JsonElement, string, string, T> read)
    {
        if (response.TryGetStructuredObject(out var structured))
        {
            return read(structured, ToolResultJson.Structured, toolName);
        }

        // No structured object: the text content may carry one (servers without an output schema).
        return ToolResultJson.TryFind(response.Result, static kind => kind == JsonValueKind.Object, out var json, out var source)
            ? read(json, source, toolName)
            : throw new McpToolResultException(toolName, "it has no structuredContent object and its text content is not a JSON object.");
    }
}
