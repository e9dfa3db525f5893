using System.ComponentModel;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace McpClientGen.IntegrationTests.Support;

/// <summary>
/// A real MCP server (the SDK's, without authentication) that can be stopped and started again on the same port,
/// losing its sessions as a restarted server does. The demo stack cannot restart its MCP server, and a stub that
/// pretends sessions are gone would prove less than a real restart.
/// </summary>
internal sealed class RestartableMcpServer : IAsyncDisposable
{
    private WebApplication? _app;

    private RestartableMcpServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<RestartableMcpServer> StartAsync()
    {
        var app = await StartOnAsync(0);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new RestartableMcpServer(app, new Uri(new Uri(address), "/mcp"));
    }

    /// <summary>Stops the server, dropping every session, and starts a new one on the same port.</summary>
    public async Task RestartAsync()
    {
        await _app!.DisposeAsync();
        _app = null;
        _app = await StartOnAsync(Endpoint.Port);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static async Task<WebApplication> StartOnAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        // A client's open event stream must not hold the stop for the default 30 seconds.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.AddMcpServer().WithHttpTransport().WithTools<PingTools>();
        var app = builder.Build();
        app.MapMcp("/mcp");
        await app.StartAsync();
        return app;
    }

    [McpServerToolType]
    private sealed class PingTools
    {
        [McpServerTool(Name = "ping", Title = "Ping"), Description("Answers pong.")]
        public static string Ping() => "pong";
    }
}
