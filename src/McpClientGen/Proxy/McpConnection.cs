using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpClientGen;

/// <summary>
/// One connection to an MCP server: over HTTP, an <see cref="HttpClient"/> that carries client-credentials tokens (or
/// none), or over stdio, a server process it starts (<see cref="CreateStdio"/>); and a lazily opened
/// <see cref="McpClient"/> session shared by every caller. A session that fails at the transport level is discarded,
/// and the next call opens a new one (over stdio: starts a new process).
/// </summary>
public sealed partial class McpConnection : IAsyncDisposable
{
    /// <summary>The MCP extension this client implements, advertised in its capabilities.</summary>
    public const string ClientCredentialsExtension = "io.modelcontextprotocol/oauth-client-credentials";

    /// <summary>
    /// The MCP workload identity federation extension (SEP-1933), advertised instead of <see cref="ClientCredentialsExtension"/>
    /// when the client uses the JWT-bearer grant (<see cref="TokenGrantType.JwtBearer"/>).
    /// </summary>
    public const string WorkloadIdentityExtension = "io.modelcontextprotocol/auth/wif";

    private readonly ISessionTransportSource _transports;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly ILogger _logger;
    private readonly string? _protocolVersion;
    private readonly string? _extension;
    private readonly InputHandlers _inputHandlers;
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, Tool> _knownTools = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<McpClient, ITransport> _sessionTransports = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly ConcurrentDictionary<Task, byte> _disposals = new();
    private Task<McpClient>? _session;
    private bool _disposed;

    /// <summary>
    /// A connection over an HTTP client whose handlers authenticate (or not); it owns and disposes the client.
    /// <paramref name="extension"/> is the auth extension advertised in the client's capabilities.
    /// </summary>
    internal McpConnection(
        Uri endpoint, HttpClient httpClient, ILoggerFactory? loggerFactory, string? protocolVersion, string extension = ClientCredentialsExtension, InputHandlers? inputHandlers = null)
        : this(new HttpSessionTransportSource(endpoint, httpClient), loggerFactory, protocolVersion, extension, inputHandlers)
    {
    }

    /// <summary>
    /// A connection whose sessions come from <paramref name="transports"/>, which it owns and disposes.
    /// <paramref name="extension"/> is the auth extension advertised in the client's capabilities; <see langword="null"/> advertises none.
    /// </summary>
    private McpConnection(
        ISessionTransportSource transports, ILoggerFactory? loggerFactory, string? protocolVersion, string? extension, InputHandlers? inputHandlers = null)
    {
        _protocolVersion = protocolVersion;
        _extension = extension;
        _inputHandlers = inputHandlers ?? InputHandlers.None;
        _transports = transports;
        _loggerFactory = loggerFactory;
        _logger = (ILogger?)loggerFactory?.CreateLogger<McpConnection>() ?? NullLogger.Instance;
    }

    /// <summary>
    /// The MCP endpoint; for a stdio server (<see cref="CreateStdio"/>), a <c>stdio:</c> URI naming the command without its
    /// arguments, such as <c>stdio:dotnet</c> or <c>stdio:/usr/local/bin/server</c>: what <see cref="McpConnectionException.Url"/>
    /// names when the process cannot be started or exits.
    /// </summary>
    public Uri Endpoint => _transports.Endpoint;

    /// <summary>
    /// Creates a connection that authenticates with OAuth 2.0 client credentials as <paramref name="options"/> say.
    /// </summary>
    /// <param name="options">Endpoint and credentials; validated here.</param>
    /// <param name="timeProvider">The clock for token expiry; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="loggerFactory">Logging for the MCP session.</param>
    /// <exception cref="InvalidOperationException">A required option is missing.</exception>
    public static McpConnection Create(McpConnectionOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var engine = ClientCredentialsEngine.Create(options, timeProvider, loggerFactory);
        return OverEngine(engine, engine.CreateTransportHandler(), loggerFactory);
    }

    /// <summary>
    /// Creates a connection to an MCP server that needs no authentication, such as one inside a trusted network.
    /// The HTTPS rule still applies (plain HTTP only on loopback).
    /// </summary>
    /// <param name="endpoint">The MCP endpoint.</param>
    /// <param name="loggerFactory">Logging for the MCP session.</param>
    /// <param name="protocolVersion">The MCP protocol version to insist on; see <see cref="McpConnectionOptions.ProtocolVersion"/>.</param>
    public static McpConnection CreateUnauthenticated(Uri endpoint, ILoggerFactory? loggerFactory = null, string? protocolVersion = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        EndpointRules.EnsureSecure(endpoint, "MCP endpoint");
        return new McpConnection(endpoint, new HttpClient(new ProgressNotificationTap(new SocketsHttpHandler())), loggerFactory, protocolVersion);
    }

    /// <summary>
    /// Creates a connection to an MCP server that needs no authentication, with the endpoint, protocol version and
    /// input-request handlers (<see cref="McpConnectionOptions.ElicitationHandler"/>, <see cref="McpConnectionOptions.SamplingClient"/>,
    /// <see cref="McpConnectionOptions.Roots"/>) of <paramref name="options"/>; its credential settings are not used.
    /// The HTTPS rule still applies (plain HTTP only on loopback).
    /// </summary>
    /// <param name="options">The endpoint (required), protocol version and input-request handlers.</param>
    /// <param name="loggerFactory">Logging for the MCP session.</param>
    /// <exception cref="InvalidOperationException">The endpoint is missing, the roots are set twice, or a root's URI is not absolute.</exception>
    public static McpConnection CreateUnauthenticated(McpConnectionOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.Endpoint ?? throw new InvalidOperationException("Invalid McpConnectionOptions: set Endpoint.");
        options.ValidateInputHandlers();
        EndpointRules.EnsureSecure(endpoint, "MCP endpoint");
        return new McpConnection(
            endpoint,
            new HttpClient(new ProgressNotificationTap(new SocketsHttpHandler())),
            loggerFactory,
            options.ProtocolVersion,
            inputHandlers: InputHandlers.From(options.Snapshot()));
    }

    /// <summary>
    /// Creates a connection to an MCP server that runs as a child process and speaks over its standard input and output
    /// (stdio), unauthenticated. The process starts when the first call opens a session, and ends when the connection is
    /// disposed; its standard error is logged line by line (event 6 <c>ServerStandardError</c>, category
    /// <c>McpClientGen.StdioServer</c>). A process that exits fails the call in flight with an <see cref="McpConnectionException"/>
    /// (<see cref="McpConnectionFailure.ServerExited"/>, naming the command and the exit code, never the arguments or the
    /// environment), and the next call starts a new process.
    /// </summary>
    /// <param name="options">The command, its arguments, environment and working directory; validated and copied here.</param>
    /// <param name="loggerFactory">Logging for the MCP session and the server's standard error.</param>
    /// <exception cref="InvalidOperationException">The command is missing, or another option is invalid.</exception>
    public static McpConnection CreateStdio(McpStdioServerOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validated = options.ValidatedCopy();
        return new McpConnection(new StdioSessionTransportSource(validated, loggerFactory), loggerFactory, validated.ProtocolVersion, extension: null);
    }

    /// <summary>
    /// An unauthenticated connection whose sessions run over the SDK transports <paramref name="createTransport"/> makes, one
    /// per session; <paramref name="endpoint"/> only names it. Internal: the in-memory benchmarks use it to give the typed
    /// client the same transport as the raw SDK client.
    /// </summary>
    internal static McpConnection CreateOverTransport(Uri endpoint, Func<IClientTransport> createTransport, ILoggerFactory? loggerFactory = null) =>
        new(new ClientTransportSessionSource(endpoint, createTransport), loggerFactory, protocolVersion: null, extension: null);

    /// <summary>
    /// Calls a tool on the shared session; opens the session first if needed. Cancelling sends
    /// <c>notifications/cancelled</c>, so the server stops the tool.
    /// </summary>
    /// <param name="request">The tool and its arguments; its <c>_meta</c> is sent as well.</param>
    /// <param name="cancellationToken">Cancels the call; the server is told to stop.</param>
    public Task<CallToolResult> CallToolAsync(CallToolRequestParams request, CancellationToken cancellationToken = default) =>
        CallToolAsync(request, progress: null, cancellationToken);

    /// <summary>
    /// Calls a tool on the shared session and reports the server's <c>notifications/progress</c> for this call to
    /// <paramref name="progress"/>; opens the session first if needed. Cancelling sends <c>notifications/cancelled</c>,
    /// so the server stops the tool.
    /// </summary>
    /// <param name="request">The tool and its arguments; its <c>_meta</c> is sent as well.</param>
    /// <param name="progress">Receives the progress the server reports for this call; <see langword="null"/> asks for none.</param>
    /// <param name="cancellationToken">Cancels the call; the server is told to stop.</param>
    /// <exception cref="McpInputRequiredException">
    /// The server asked for input in the middle of the call (an elicitation, sampling, the roots) that no handler on the
    /// connection answers. With a handler, the answer is sent back and the call completes.
    /// </exception>
    public Task<CallToolResult> CallToolAsync(CallToolRequestParams request, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A copy: the call may add a progress token to its _meta, and the request stays the caller's as it came.
        JsonObject parameters;
        try
        {
            parameters = JsonSerializer.SerializeToNode(request, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolRequestParams)))!.AsObject();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException)
        {
            // A request that cannot be written fails the returned task, as it did when it was written inside the call.
            return Task.FromException<CallToolResult>(exception);
        }

        return CallToolAsync(request.Name, parameters, ToolResponse.Read, progress, cancellationToken);
    }

    /// <summary>
    /// Calls a tool with <c>tools/call</c> parameters already written (by generated code, through
    /// <see cref="Serialization.ToolArguments"/>) and returns what <paramref name="read"/> makes of the result.
    /// </summary>
    internal Task<T> CallToolAsync<T>(
        string toolName, JsonObject parameters, Func<JsonNode, T> read, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken) =>
        OnSessionAsync(
            (connection: this, toolName, parameters, read, progress),
            static (session, call, token) => ToolCall.SendAsync(
                session, call.connection.TransportOf(session), call.toolName, call.parameters, call.read, call.progress, call.connection._logger, token),
            cancellationToken);

    /// <summary>
    /// Tells the SDK which tools will be called and how the snapshot describes them, so that it sends the
    /// <c>Mcp-Param-*</c> headers their schemas ask for without listing the tools first (and does not warn about
    /// an unknown tool on every call). Generated clients call this when they are created.
    /// </summary>
    /// <param name="tools">The tools; a later definition of the same name replaces an earlier one.</param>
    public void AddKnownTools(IEnumerable<Tool> tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        var added = tools.ToList();
        foreach (var tool in added)
        {
            _knownTools[tool.Name] = tool;
            if (SnapshotTools.TryGetUnusableSchemaReason(tool, out var reason))
            {
                ConnectionLog.SnapshotSchemaUnusable(_logger, tool.Name, reason);
            }
        }

        // Sessions opened from now on get every known tool; one that is already open gets these now.
        if (Volatile.Read(ref _session) is { IsCompletedSuccessfully: true } open)
        {
            RegisterKnownTools(open.Result, added);
        }
    }

    /// <summary>Lists the server's tools on the shared session.</summary>
    public Task<IList<McpClientTool>> ListToolsAsync(CancellationToken cancellationToken = default) =>
        OnSessionAsync((object?)null, static (session, _, token) => session.ListToolsAsync(cancellationToken: token), cancellationToken);

    /// <summary>
    /// Gets a prompt on the shared session, with the arguments filled in by the server; opens the session first if needed.
    /// </summary>
    /// <param name="request">The prompt's name and its arguments.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<GetPromptResult> GetPromptAsync(GetPromptRequestParams request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return OnSessionAsync(request, static (session, prompt, token) => session.GetPromptAsync(prompt, token), cancellationToken);
    }

    /// <summary>
    /// Lists the server's prompts on the shared session (every page), or none when the server does not declare the
    /// <c>prompts</c> capability or answers that it does not know <c>prompts/list</c>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public Task<IList<Prompt>> ListPromptsAsync(CancellationToken cancellationToken = default) =>
        ListOptionalAsync(
            static capabilities => capabilities.Prompts is not null,
            static async (session, token) => (await session.ListPromptsAsync(cancellationToken: token).ConfigureAwait(false)).Select(prompt => prompt.ProtocolPrompt),
            cancellationToken);

    /// <summary>Reads a resource on the shared session; opens the session first if needed.</summary>
    /// <param name="request">The resource's URI.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<ReadResourceResult> ReadResourceAsync(ReadResourceRequestParams request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return OnSessionAsync(request, static (session, resource, token) => session.ReadResourceAsync(resource, token), cancellationToken);
    }

    /// <summary>
    /// Lists the server's resources on the shared session (every page), or none when the server does not declare the
    /// <c>resources</c> capability or answers that it does not know <c>resources/list</c>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public Task<IList<Resource>> ListResourcesAsync(CancellationToken cancellationToken = default) =>
        ListOptionalAsync(
            static capabilities => capabilities.Resources is not null,
            static async (session, token) => (await session.ListResourcesAsync(cancellationToken: token).ConfigureAwait(false)).Select(resource => resource.ProtocolResource),
            cancellationToken);

    /// <summary>
    /// Lists the server's resource templates on the shared session (every page), or none when the server does not
    /// declare the <c>resources</c> capability or answers that it does not know <c>resources/templates/list</c>, as a
    /// server that offers only fixed resources may.
    /// </summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public Task<IList<ResourceTemplate>> ListResourceTemplatesAsync(CancellationToken cancellationToken = default) =>
        ListOptionalAsync(
            static capabilities => capabilities.Resources is not null,
            static async (session, token) => (await session.ListResourceTemplatesAsync(cancellationToken: token).ConfigureAwait(false)).Select(template => template.ProtocolResourceTemplate),
            cancellationToken);

    /// <summary>
    /// Lists entries of a kind the server may not offer: none, without a request, when <paramref name="isDeclared"/>
    /// finds no capability for them (the server would answer with an error), and none when the server answers the list
    /// request with MethodNotFound, which servers send for a list they do not implement even under a declared capability.
    /// </summary>
    private Task<IList<T>> ListOptionalAsync<T>(
        Func<ServerCapabilities, bool> isDeclared,
        Func<McpClient, CancellationToken, Task<IEnumerable<T>>> list,
        CancellationToken cancellationToken) =>
        OnSessionAsync((isDeclared, list), static async (session, state, token) =>
        {
            if (!state.isDeclared(session.ServerCapabilities))
            {
                return (IList<T>)[];
            }

            try
            {
                return [.. await state.list(session, token).ConfigureAwait(false)];
            }
            catch (McpProtocolException exception) when (exception.ErrorCode == McpErrorCode.MethodNotFound)
            {
                return [];
            }
        }, cancellationToken);

    /// <summary>The server's name and version, and the protocol version agreed in the session handshake.</summary>
    public async Task<(Implementation? Server, string? ProtocolVersion)> GetServerInfoAsync(CancellationToken cancellationToken = default)
    {
        var session = await OpenedAsync(GetSession(), cancellationToken).ConfigureAwait(false);
        return (session.ServerInfo, session.NegotiatedProtocolVersion);
    }

    /// <summary>Closes the session and the HTTP clients; over stdio, ends the server process.</summary>
    public async ValueTask DisposeAsync()
    {
        Task<McpClient>? session;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            session = _session;
            _session = null;
        }

        try
        {
            // A session still opening is cancelled (over stdio, its process ended) and awaited; one that failed to open
            // has nothing to dispose.
            await _lifetime.CancelAsync().ConfigureAwait(false);
            if (session is not null)
            {
                await ((Task)session).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (session.IsCompletedSuccessfully)
                {
                    await session.Result.DisposeAsync().ConfigureAwait(false);
                }
            }

            await Task.WhenAll(_disposals.Keys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            _transports.Dispose();
            _lifetime.Dispose();
        }
    }

    /// <summary>
    /// Runs one operation on the shared session. A transport failure discards the session, so the next call
    /// opens a new one; the operation itself is not retried, because a tool call may not be idempotent.
    /// </summary>
    private async Task<T> OnSessionAsync<TState, T>(
        TState state, Func<McpClient, TState, CancellationToken, ValueTask<T>> operation, CancellationToken cancellationToken)
    {
        var sessionTask = GetSession();
        // An open session is used as it is: awaiting it through OpenedAsync would allocate a task per call.
        var session = sessionTask.IsCompletedSuccessfully ? sessionTask.Result : await OpenedAsync(sessionTask, cancellationToken).ConfigureAwait(false);
        try
        {
            return await operation(session, state, cancellationToken).ConfigureAwait(false);
        }
        catch (InputHandlerFailure failure)
        {
            // The application's input handler failed, not the session: its exception reaches the caller as it was thrown.
            failure.Rethrow();
            throw;
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
        {
            // Described before the session is discarded, and ignored once the connection is disposed (which happens before
            // it disposes its session): either ends a stdio server process, whose end must not be taken for the cause.
            var failure = await _transports.DescribeFailureAsync(exception, session, opening: false).ConfigureAwait(false);
            Discard(sessionTask);
            if (failure is not null && !Volatile.Read(ref _disposed))
            {
                throw failure;
            }

            throw;
        }
    }

    /// <summary>
    /// The session once open; a failure to reach the endpoint, or to find MCP there (or to start the stdio server), becomes
    /// an <see cref="McpConnectionException"/>.
    /// </summary>
    private async Task<McpClient> OpenedAsync(Task<McpClient> sessionTask, CancellationToken cancellationToken)
    {
        try
        {
            return await sessionTask.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            if (await _transports.DescribeFailureAsync(exception, session: null, opening: true).ConfigureAwait(false) is { } failure)
            {
                throw failure;
            }

            throw;
        }
    }

    private Task<McpClient> GetSession()
    {
        // Every call comes through here: an open session is taken without the lock.
        var current = Volatile.Read(ref _session);
        if (current is { IsCompletedSuccessfully: true } && !current.Result.Completion.IsCompleted)
        {
            return current;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_session is { IsCompletedSuccessfully: true } open && open.Result.Completion.IsCompleted)
            {
                // The SDK closed the session while it was idle: its event stream found that the server no longer
                // knows it (404 after a server restart). Its calls would only ever be cancelled, so it is replaced.
                DisposeInBackground(open.Result);
                _session = null;
            }

            if (_session is null || _session.IsFaulted || _session.IsCanceled)
            {
                _session = OpenSessionAsync();
            }

            return _session;
        }
    }

    private async Task<McpClient> OpenSessionAsync()
    {
        var remembers = _protocolVersion is null && _transports.RemembersProtocolRevision;
        var remembered = remembers ? ProtocolRevisions.Shared.For(Endpoint) : null;
        McpClient client;
        try
        {
            client = await HandshakeAsync(_protocolVersion ?? remembered).ConfigureAwait(false);
        }
        catch (Exception exception) when (remembered is not null && MayRefuseRevision(exception))
        {
            // The server answered, but not to the revision it agreed on before (it was upgraded or replaced): forget it and
            // let the SDK negotiate afresh, in this same call. An endpoint that cannot be reached, or credentials that are
            // refused, are not tried twice.
            ProtocolRevisions.Shared.Forget(Endpoint, remembered);
            client = await HandshakeAsync(null).ConfigureAwait(false);
        }

        if (remembers)
        {
            ProtocolRevisions.Shared.Remember(Endpoint, client.NegotiatedProtocolVersion);
        }

        RegisterKnownTools(client, _knownTools.Values);
        return client;
    }

    /// <summary>
    /// Whether a handshake may have failed for the revision it asked for: the SDK's own failure (the server answered with
    /// another revision), a JSON-RPC error, or an HTTP 400 from the MCP endpoint.
    /// </summary>
    private static bool MayRefuseRevision(Exception exception) =>
        exception is McpException || exception is HttpRequestException { StatusCode: HttpStatusCode.BadRequest } and not McpConnectionException;

    /// <summary>Opens a session over a new transport, asking for <paramref name="protocolVersion"/> (or negotiating one).</summary>
    private async Task<McpClient> HandshakeAsync(string? protocolVersion)
    {
        var transport = new SessionTransportCapture(_transports.CreateTransport(_loggerFactory));
        var options = CreateClientOptions(protocolVersion, _extension);
        options.Handlers = _inputHandlers.CreateSdkHandlers(_logger);
        var client = await McpClient.CreateAsync(transport, options, _loggerFactory, _lifetime.Token).ConfigureAwait(false);
        InputHandlers.RefuseUnanswered(options.Handlers);
        _sessionTransports.AddOrUpdate(client, transport.Connected!);
        return client;
    }

    /// <summary>The transport <paramref name="session"/> was opened over (every session is opened by <see cref="HandshakeAsync"/>).</summary>
    private ITransport TransportOf(McpClient session) =>
        _sessionTransports.TryGetValue(session, out var transport) ? transport : throw new InvalidOperationException("The session's transport is unknown.");

    /// <summary>
    /// The SDK takes a batch all or nothing and rejects invalid <c>x-mcp-header</c> annotations; then each tool is
    /// registered on its own, so one bad schema only costs that tool its headers.
    /// </summary>
    private void RegisterKnownTools(McpClient client, ICollection<Tool> tools)
    {
        try
        {
            client.AddKnownTools(tools);
        }
        catch (ArgumentException)
        {
            foreach (var tool in tools)
            {
                try
                {
                    client.AddKnownTools([tool]);
                }
                catch (ArgumentException exception)
                {
                    ConnectionLog.SnapshotToolRejected(_logger, tool.Name, exception.Message);
                }
            }
        }
    }

    private static McpClientOptions CreateClientOptions(string? protocolVersion, string? extension)
    {
        return new McpClientOptions
        {
            ProtocolVersion = protocolVersion,
            ClientInfo = new Implementation
            {
                Name = "McpClientGen",
                Version = typeof(McpConnection).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0",
            },
            Capabilities = new ClientCapabilities
            {
                Extensions = extension is null ? null : new Dictionary<string, object> { [extension] = ClientCredentialsEngine.ExtensionSettings },
            },
        };
    }

    private void Discard(Task<McpClient> failed)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_session, failed))
            {
                _session = null;
            }
        }

        if (failed.IsCompletedSuccessfully)
        {
            DisposeInBackground(failed.Result);
        }
    }

    /// <summary>Disposes a session no caller waits for; <see cref="DisposeAsync"/> waits for it, so no process outlives the connection.</summary>
    private void DisposeInBackground(McpClient session)
    {
        var disposal = session.DisposeAsync().AsTask();
        _disposals.TryAdd(disposal, 0);
        _ = disposal.ContinueWith(
            done => _disposals.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// Protocol errors (a bad argument, an unknown tool) leave the session healthy, and so does the caller's own
    /// cancellation; anything else from below the protocol (HTTP errors, a closed stream, a cancellation the caller did
    /// not ask for, which is how the SDK ends the calls of a session it closed) means the session cannot be trusted.
    /// A discovery or token endpoint that cannot be reached says nothing about the MCP server: its session is kept.
    /// </summary>
    private bool IsTransportFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        McpProtocolException or McpAuthenticationException or McpAuthorizationException or McpInputRequiredException => false,
        McpConnectionException connection => IsMcpOrigin(connection.Url),
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => true,
    };

    /// <summary>Whether <paramref name="url"/> has the MCP endpoint's scheme, host and port.</summary>
    private bool IsMcpOrigin(Uri url) =>
        Uri.Compare(url, Endpoint, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0;
}
