using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;

namespace McpClientGen.Benchmarks;

/// <summary>
/// The SDK's Streamable HTTP MCP server (ModelContextProtocol.AspNetCore, <c>MapMcp</c>, stateless as the tests'
/// <c>LoopbackMcpServer</c> runs it) serving <see cref="BenchTools"/>, hosted on ASP.NET Core's <see cref="TestServer"/>
/// instead of Kestrel: <see cref="CreateHandler"/> gives an <see cref="HttpMessageHandler"/> that hands each request
/// straight to the server's pipeline in this process, with no sockets. A client over it runs its whole HTTP stack
/// (the SDK's <c>HttpClientTransport</c>, the connection's delegating handlers) and nothing of the network.
/// </summary>
internal sealed class TestServerMcpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServerMcpServer(WebApplication app) => _app = app;

    /// <summary>The MCP endpoint; only its path reaches the server (the test server's base address is <c>http://localhost/</c>).</summary>
    public Uri Endpoint { get; } = new("http://localhost/mcp");

    public static async Task<TestServerMcpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services
            .AddMcpServer(server => server.ServerInfo = new Implementation { Name = "testserver", Version = "1.0.0" })
            .WithHttpTransport(transport => transport.SessionMode = HttpServerSessionMode.Stateless)
            .WithTools<BenchTools>();
        var app = builder.Build();
        app.MapMcp("/mcp");
        await app.StartAsync();
        return new TestServerMcpServer(app);
    }

    /// <summary>A new handler into the server's pipeline, for one client's primary handler (the client disposes it).</summary>
    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
