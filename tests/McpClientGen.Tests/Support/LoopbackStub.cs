using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace McpClientGen.Tests.Support;

/// <summary>
/// A tiny real HTTP server (Kestrel on <c>127.0.0.1</c>, a port the OS picks) for the faults a real authorization
/// server cannot be made to produce: 503s, 429s, a request that never gets an answer, garbage bodies, odd but
/// legal responses. Each path gets its handler through <see cref="Map"/>; any other path gets <see cref="Fallback"/>
/// (404 by default). Every request is recorded, form body included, before its handler runs.
/// </summary>
public sealed class LoopbackStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly List<RecordedRequest> _requests = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private TaskCompletionSource _recorded = NewSignal();

    private LoopbackStub(WebApplication app)
    {
        _app = app;
        app.Run(HandleAsync);
    }

    /// <summary>The root URL, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Answers every request whose path has no handler of its own. Default: 404.</summary>
    public Func<HttpContext, Task> Fallback { get; set; } = Respond.Status(HttpStatusCode.NotFound);

    /// <summary>The requests received so far, in order of arrival.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts a stub with no handlers: every path answers 404 until <see cref="Map"/> says otherwise.</summary>
    /// <param name="serverCertificate">Serves HTTPS with this certificate (and its key) instead of plain HTTP.</param>
    public static async Task<LoopbackStub> StartAsync(X509Certificate2? serverCertificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (serverCertificate is not null)
            {
                listen.UseHttps(serverCertificate);
            }
        }));
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Logging.ClearProviders();

        var stub = new LoopbackStub(builder.Build());
        await stub._app.StartAsync();
        var addresses = stub._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        stub.BaseAddress = new Uri(addresses.Addresses.Single() + "/");
        return stub;
    }

    /// <summary>The absolute URL of <paramref name="path"/> on this stub.</summary>
    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>Sets (or replaces) the handler of one exact path, such as <c>/token</c>.</summary>
    public void Map(string path, Func<HttpContext, Task> handler)
    {
        lock (_gate)
        {
            _routes[path] = handler;
        }
    }

    /// <summary>The requests received so far for one exact path.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => Requests.Where(r => r.Path == path).ToList();

    /// <summary>Completes once at least <paramref name="count"/> requests have arrived; fails after a generous real-time limit.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        while (true)
        {
            Task recorded;
            lock (_gate)
            {
                if (_requests.Count >= count)
                {
                    return;
                }

                recorded = _recorded.Task;
            }

            try
            {
                await recorded.WaitAsync(Bounded.Limit);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"The stub received {Requests.Count} requests, not the {count} the test waited for.");
            }
        }
    }

    /// <summary>Stops the server; handlers still waiting (see <see cref="Respond.Hang"/>) are released.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var form = request.HasFormContentType
            ? (await request.ReadFormAsync(context.RequestAborted)).ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var headers = request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var path = request.Path.Value ?? "";

        Func<HttpContext, Task> handler;
        TaskCompletionSource recorded;
        lock (_gate)
        {
            _requests.Add(new RecordedRequest(request.Method, path, headers, form));
            recorded = _recorded;
            _recorded = NewSignal();
            handler = _routes.GetValueOrDefault(path) ?? Fallback;
        }

        recorded.SetResult();

        // A handler that waits forever must still end when the client gives up or the stub stops.
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        context.RequestAborted = aborted.Token;
        await handler(context);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Start and stop belong to the test; the console lifetime would take over Ctrl+C and SIGTERM.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>One request as the stub received it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, without the query.</param>
/// <param name="Headers">The headers by case-insensitive name; repeated values are joined with commas.</param>
/// <param name="Form">The decoded <c>application/x-www-form-urlencoded</c> fields (empty for other bodies); repeated values are joined with commas.</param>
public sealed record RecordedRequest(
    string Method, string Path, IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> Form)
{
    /// <summary>A header's value, or <see langword="null"/> when it was not sent.</summary>
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}

/// <summary>Ready-made handlers for <see cref="LoopbackStub"/>.</summary>
public static class Respond
{
    /// <summary>A status code with an empty body and the given headers.</summary>
    public static Func<HttpContext, Task> Status(HttpStatusCode status, params (string Name, string Value)[] headers) => context =>
    {
        context.Response.StatusCode = (int)status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        return Task.CompletedTask;
    };

    /// <summary>A JSON body (the text is sent as given, so it may be anything a server could send).</summary>
    public static Func<HttpContext, Task> Json(HttpStatusCode status, string json) => Text(status, "application/json", json);

    /// <summary>A successful token response (RFC 6749 §5.1).</summary>
    public static Func<HttpContext, Task> Token(string accessToken = "stub-token", int expiresIn = 3600) =>
        Json(HttpStatusCode.OK, $$"""{"access_token":"{{accessToken}}","token_type":"Bearer","expires_in":{{expiresIn}}}""");

    /// <summary>A body of any media type.</summary>
    public static Func<HttpContext, Task> Text(HttpStatusCode status, string contentType, string body) => async context =>
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), context.RequestAborted);
    };

    /// <summary>Never answers: waits until the client gives up or the stub stops.</summary>
    public static Func<HttpContext, Task> Hang { get; } = async context =>
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    };

    /// <summary>The n-th request gets the n-th handler; once they run out, the last one answers every further request.</summary>
    public static Func<HttpContext, Task> Sequence(params Func<HttpContext, Task>[] handlers)
    {
        var next = -1;
        return context => handlers[Math.Min(Interlocked.Increment(ref next), handlers.Length - 1)](context);
    }
}
