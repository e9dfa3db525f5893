using System.Net;
using System.Text.Json;
using McpClientGen.DemoServer;
using McpClientGen.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace McpClientGen.IntegrationTests.Support;

/// <summary>
/// A <see cref="LoopbackStub"/> in front of the demo stack's real token endpoint, at <see cref="TokenEndpoint"/>. Each
/// request is answered by the next fault in <see cref="Faults"/> or, when none is left, forwarded to the real endpoint,
/// so the tokens a client finally gets are real ones the demo MCP server accepts. That is how these tests make the
/// authorization server fail without a stub token the MCP server would reject.
/// </summary>
internal sealed class TokenEndpointProxy : IAsyncDisposable
{
    private const string Path = "/token";
    private static readonly HttpClient Forwarder = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private readonly LoopbackStub _stub;
    private readonly DemoStack _stack;
    private readonly Queue<Func<HttpContext, Task>> _faults = new();
    private readonly List<string> _issuedAccessTokens = [];
    private Task _held = Task.CompletedTask;

    private TokenEndpointProxy(LoopbackStub stub, DemoStack stack)
    {
        _stub = stub;
        _stack = stack;
        stub.Map(Path, HandleAsync);
    }

    public Uri TokenEndpoint => _stub.Url(Path);

    /// <summary>How many token requests reached the proxy, faults included.</summary>
    public int RequestCount => Requests.Count;

    /// <summary>The token requests that reached the proxy, faults included, as the client sent them (form and headers).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _stub.RequestsTo(Path);

    /// <summary>The access tokens the real endpoint issued through this proxy, in order.</summary>
    public IReadOnlyList<string> IssuedAccessTokens
    {
        get
        {
            lock (_issuedAccessTokens)
            {
                return [.. _issuedAccessTokens];
            }
        }
    }

    public static async Task<TokenEndpointProxy> StartAsync(DemoStack stack) => new(await LoopbackStub.StartAsync(), stack);

    /// <summary>The demo stack's secret client, with its token requests sent here (so discovery is skipped).</summary>
    public McpConnectionOptions ClientOptions()
    {
        var options = _stack.ClientOptions();
        options.TokenEndpoint = TokenEndpoint;
        return options;
    }

    /// <summary>Answers the next requests with these handlers, one each, before forwarding again.</summary>
    public void Faults(params Func<HttpContext, Task>[] faults)
    {
        lock (_faults)
        {
            foreach (var fault in faults)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    /// <summary>
    /// Holds every token request (fault or forward) unanswered while <paramref name="startCallers"/> starts callers,
    /// until token request number <paramref name="request"/> has arrived and no caller has finished, so that every
    /// caller is waiting on that request; then lets the requests go. Requests are recorded (and counted) on arrival.
    /// </summary>
    /// <returns>The callers, which may now finish.</returns>
    public async Task<List<T>> HoldWhileStartingAsync<T>(int request, Func<Task<List<T>>> startCallers)
        where T : Task
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _held, release.Task);
        var callers = await startCallers();
        await WaitForRequestsAsync(request);
        Assert.All(callers, caller => Assert.False(caller.IsCompleted));
        release.SetResult();
        return callers;
    }

    /// <summary>Waits until <paramref name="count"/> token requests have arrived.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        while (true)
        {
            // Read the stub's total before this proxy's count: a request arriving in between is then waited for by
            // neither, not missed by both.
            var seen = _stub.Requests.Count;
            if (RequestCount >= count)
            {
                return;
            }

            await _stub.WaitForRequestsAsync(seen + 1);
        }
    }

    public ValueTask DisposeAsync() => _stub.DisposeAsync();

    /// <summary>Drops the connection without an answer, as a server that is down or restarting would.</summary>
    public static Task Drop(HttpContext context)
    {
        context.Abort();
        return Task.CompletedTask;
    }

    private async Task HandleAsync(HttpContext context)
    {
        await Volatile.Read(ref _held).WaitAsync(context.RequestAborted);
        Func<HttpContext, Task>? fault = null;
        lock (_faults)
        {
            _faults.TryDequeue(out fault);
        }

        if (fault is not null)
        {
            await fault(context);
            return;
        }

        // The stub has read the form already; it is sent on as it came, with the client's Basic credentials.
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        using var forwarded = new HttpRequestMessage(HttpMethod.Post, _stack.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(form.Select(field => KeyValuePair.Create(field.Key, field.Value.ToString()))),
        };
        if (context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            forwarded.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await Forwarder.SendAsync(forwarded, context.RequestAborted);
        var body = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        if (response.IsSuccessStatusCode)
        {
            using var json = JsonDocument.Parse(body);
            lock (_issuedAccessTokens)
            {
                _issuedAccessTokens.Add(json.RootElement.GetProperty("access_token").GetString()!);
            }
        }

        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>503 Service Unavailable, empty.</summary>
    public static Func<HttpContext, Task> Unavailable => Respond.Status(HttpStatusCode.ServiceUnavailable);
}
