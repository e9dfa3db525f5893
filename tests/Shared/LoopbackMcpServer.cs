using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Testing;

/// <summary>
/// A real MCP server (the SDK's ModelContextProtocol.AspNetCore) without authentication, in this process on
/// <c>127.0.0.1</c>, serving the tools of its caller's choice. It can stop and start again on the same port, losing
/// every session as a restarted server does, and it records the sessions it opens and the ones it refuses. The demo
/// stack is the authenticated server; this one is for what the demo stack cannot do: run without authentication,
/// restart, or serve other tools.
/// </summary>
internal sealed class LoopbackMcpServer : IAsyncDisposable
{
    private const string SessionIdHeader = "Mcp-Session-Id";

    private readonly Action<IMcpServerBuilder> _addTools;
    private readonly HttpServerSessionMode _sessionMode;
    private readonly List<string> _sessionIds = [];
    private readonly List<string> _methods = [];
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _refusedSessions = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private int _badRequests;

    private LoopbackMcpServer(Action<IMcpServerBuilder> addTools, HttpServerSessionMode sessionMode)
    {
        _addTools = addTools;
        _sessionMode = sessionMode;
    }

    /// <summary>The MCP endpoint, e.g. <c>http://127.0.0.1:5123/mcp</c>; it stays the same across restarts.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The session ids the server handed out (one per <c>initialize</c>), in order, across restarts.</summary>
    public IReadOnlyList<string> SessionIds
    {
        get
        {
            lock (_sessionIds)
            {
                return [.. _sessionIds];
            }
        }
    }

    /// <summary>The JSON-RPC methods of the messages clients posted (requests and notifications), in arrival order.</summary>
    public IReadOnlyList<string> Methods
    {
        get
        {
            lock (_methods)
            {
                return [.. _methods];
            }
        }
    }

    /// <summary>
    /// How many requests the server answered with HTTP 400: in stateful mode, how it refuses the <c>server/discover</c>
    /// probe of protocol 2026-07-28 that a client sends before falling back to <c>initialize</c>.
    /// </summary>
    public int BadRequestCount => Volatile.Read(ref _badRequests);

    /// <summary>Starts a server on a port the OS picks.</summary>
    /// <typeparam name="TTools">The <c>[McpServerToolType]</c> class whose tools the server offers, e.g. <see cref="PingTools"/>.</typeparam>
    /// <param name="sessionMode">
    /// The SDK's default serves every request on its own, with no session to lose; <see cref="HttpServerSessionMode.Stateful"/>
    /// gives each client a session (the client falls back to the <c>initialize</c> handshake to get one).
    /// </param>
    public static Task<LoopbackMcpServer> StartAsync<TTools>(HttpServerSessionMode sessionMode = HttpServerSessionMode.Stateless)
        where TTools : class =>
        StartAsync(mcp => mcp.WithTools<TTools>(), sessionMode);

    /// <summary>Starts a server that offers what <paramref name="configure"/> adds (handlers, filters), on a port the OS picks.</summary>
    /// <param name="configure">Adds the server's tools, resources, handlers or filters.</param>
    /// <param name="sessionMode">As for <see cref="StartAsync{TTools}"/>.</param>
    public static async Task<LoopbackMcpServer> StartAsync(Action<IMcpServerBuilder> configure, HttpServerSessionMode sessionMode = HttpServerSessionMode.Stateless)
    {
        var server = new LoopbackMcpServer(configure, sessionMode);
        server._app = await server.StartOnAsync(port: 0);
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Endpoint = new Uri(new Uri(address), "/mcp");
        return server;
    }

    /// <summary>Stops the server, dropping every connection and session; the port then refuses connections.</summary>
    public async Task StopAsync()
    {
        var app = _app ?? throw new InvalidOperationException("The server is not running.");
        _app = null;
        await app.DisposeAsync();
    }

    /// <summary>Starts a stopped server again on the same port, with no sessions.</summary>
    public async Task StartAgainAsync()
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The server is running.");
        }

        _app = await StartOnAsync(Endpoint.Port);
    }

    /// <summary>Stops the server and starts it again on the same port: every session is lost.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAgainAsync();
    }

    /// <summary>
    /// Completes once the server has answered a request naming <paramref name="sessionId"/> with 404, as a restarted
    /// server answers a session it no longer has.
    /// </summary>
    public Task WaitForRefusalOfAsync(string sessionId) => RefusalOf(sessionId).Task;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private TaskCompletionSource RefusalOf(string sessionId) =>
        _refusedSessions.GetOrAdd(sessionId, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task<WebApplication> StartOnAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        // A client's open event stream must not hold a stop for the default 30 seconds.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var mcp = builder.Services
            .AddMcpServer(server => server.ServerInfo = new Implementation { Name = "loopback", Version = "1.0.0" })
            .WithHttpTransport(transport => transport.SessionMode = _sessionMode);
        _addTools(mcp);
        var app = builder.Build();
        app.Use(RecordSessionsAsync);
        app.Use(RecordMethodsAsync);
        app.MapMcp("/mcp");
        await app.StartAsync();
        return app;
    }

    /// <summary>Reads the method of each message a POST carries (one message or a batch), then lets the server read the body.</summary>
    private async Task RecordMethodsAsync(HttpContext context, RequestDelegate next)
    {
        if (HttpMethods.IsPost(context.Request.Method))
        {
            context.Request.EnableBuffering();
            using (var body = await System.Text.Json.JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))
            {
                var messages = body.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array ? [.. body.RootElement.EnumerateArray()] : new[] { body.RootElement };
                lock (_methods)
                {
                    _methods.AddRange(messages.Where(message => message.TryGetProperty("method", out _)).Select(message => message.GetProperty("method").GetString()!));
                }
            }

            context.Request.Body.Position = 0;
        }

        await next(context);
    }

    /// <summary>
    /// A response that gives a session id to a request without one opens a session; a 404 to a request with one refuses it.
    /// </summary>
    private async Task RecordSessionsAsync(HttpContext context, RequestDelegate next)
    {
        var named = context.Request.Headers[SessionIdHeader].ToString();
        if (named.Length == 0)
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.Headers.TryGetValue(SessionIdHeader, out var opened))
                {
                    lock (_sessionIds)
                    {
                        _sessionIds.Add(opened.ToString());
                    }
                }

                return Task.CompletedTask;
            });
        }

        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status400BadRequest)
        {
            Interlocked.Increment(ref _badRequests);
        }

        if (named.Length > 0 && context.Response.StatusCode == StatusCodes.Status404NotFound)
        {
            RefusalOf(named).TrySetResult();
        }
    }
}
